import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import type { paths } from '../../api/schema';
import { AppContext, type AppContextValue } from '../../app/context';
import { setLanguage } from '../../i18n/i18n';
import { BookingForm } from './BookingForm';
import type { Resource } from './dayGrid';

const room: Resource = {
  id: '01JROOM0000000000000000000', siteId: 's', timeZone: 'Europe/Amsterdam', type: 'room', name: 'Rembrandt',
  floor: '1', capacity: 10, features: [], rules: {}, version: 1, createdAt: '', updatedAt: '',
};

function renderForm(answers: (() => Response)[], requests: Request[]) {
  const fetch = vi.fn(async (input: Request) => {
    requests.push(input.clone());
    await new Promise((r) => setTimeout(r, 300)); // an answer takes a while, as over a network
    return answers[Math.min(requests.length - 1, answers.length - 1)]();
  });
  const api = createClient<paths>({ baseUrl: 'http://api.test', fetch });
  const value = { api, config: { apiUrl: '', authority: 'x', clientId: 'c', logoutUrl: 'x' } } as unknown as AppContextValue;
  const onBooked = vi.fn();
  render(
    <AppContext.Provider value={value}>
      <BookingForm resource={room} date="2027-03-29" start="10:00" end="11:00" zone="Europe/Amsterdam"
        onClose={() => undefined} onBooked={onBooked} />
    </AppContext.Provider>,
  );
  return onBooked;
}

const problem = (status: number, body: object) => () => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': 'application/problem+json' },
});

describe('the booking form', () => {
  it('marks the field the API names, keeps what was typed, and resends with the same Idempotency-Key', async () => {
    setLanguage('en');
    const requests: Request[] = [];
    const onBooked = renderForm([
      problem(400, {
        type: 'https://spil.nl/problems/invalid-request', title: 'The request is invalid', status: 400, detail: 'Invalid',
        errors: [{ field: 'notes', message: 'must not contain control characters' }],
      }),
      () => new Response(JSON.stringify({ id: 'b1' }), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    ], requests);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Kwartaaloverleg');
    await user.type(screen.getByLabelText('Preparation notes'), 'Koffie voor 8');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    const notes = await screen.findByLabelText('Preparation notes');
    await waitFor(() => expect(notes.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must not contain control characters')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Please check the marked fields.');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Kwartaaloverleg');
    expect((notes as HTMLTextAreaElement).value).toBe('Koffie voor 8');
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledOnce());
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    expect(first.headers.get('Idempotency-Key')).toBeTruthy();
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    const body = await second.json();
    expect(body).toEqual({
      resourceId: room.id, start: '2027-03-29T10:00:00+02:00', end: '2027-03-29T11:00:00+02:00',
      title: 'Kwartaaloverleg', notes: 'Koffie voor 8',
    });
  });

  it('sends one request when Book is clicked twice, and a series as an RRULE', async () => {
    setLanguage('en');
    const requests: Request[] = [];
    const onBooked = renderForm([
      () => new Response(JSON.stringify({ seriesId: 's', rule: 'r', booked: [{ id: 'b1' }, { id: 'b2' }], skipped: [] }),
        { status: 201, headers: { 'Content-Type': 'application/json' } }),
    ], requests);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Weekstart');
    await user.selectOptions(screen.getByLabelText('Repeat'), 'weekly');
    await user.clear(screen.getByLabelText('Times'));
    await user.type(screen.getByLabelText('Times'), '4');
    const book = screen.getByRole('button', { name: 'Book' });
    await user.dblClick(book);
    await waitFor(() => expect(onBooked).toHaveBeenCalledOnce());
    expect(requests).toHaveLength(1);
    expect((await requests[0].json()).recurrence).toEqual({ rule: 'FREQ=WEEKLY;COUNT=4', mode: 'free-ones' });
    expect(onBooked.mock.calls[0][0].summary).toBe('2 bookings of Rembrandt made, 0 skipped.');
  });
});
