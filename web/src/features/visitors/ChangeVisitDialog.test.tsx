import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { badFields, fakeApi, json, problem, renderScreen } from '../../testing';
import { ChangeVisitDialog, visitChange } from './ChangeVisitDialog';
import { visit } from './fixtures';

describe('a change of a visit as the API takes it', () => {
  it('sends only what differs, with the version read; nothing when nothing differs', () => {
    const v = visit();
    expect(visitChange(v, { date: '2027-03-29', time: '10:00', minutes: '60', purpose: 'meeting' })).toBeNull();
    expect(visitChange(v, { date: '2027-03-29', time: '10:00', minutes: '90', purpose: 'meeting' })).toEqual({ version: 2, minutes: 90 });
    // a day before the clocks go forward: the site's wall clock with that day's offset
    expect(visitChange(v, { date: '2027-03-27', time: '10:00', minutes: '60', purpose: 'interview' }))
      .toEqual({ version: 2, expectedAt: '2027-03-27T10:00:00+01:00', purpose: 'interview' });
  });
});

describe('changing a visit', () => {
  it('marks the field the API names and keeps what was typed, then sends the change', async () => {
    setLanguage('en');
    let answers = 0;
    const { api, sent } = fakeApi((r) => (r.method === 'PATCH'
      ? (++answers === 1 ? badFields([{ field: 'expectedAt', message: 'must be in the future' }], 422) : json(200, visit({ version: 3 })))
      : undefined));
    const onChanged = vi.fn();
    renderScreen(<ChangeVisitDialog visit={visit()} onClose={() => undefined} onChanged={onChanged} />, { api, roles: ['staff'] });
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText('Arrival'), { target: { value: '14:30' } });
    await user.selectOptions(screen.getByLabelText('Purpose'), 'interview');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));

    const day = screen.getByLabelText('Day');
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must be in the future')).toBeTruthy();
    expect((screen.getByLabelText('Arrival') as HTMLInputElement).value).toBe('14:30');
    expect((screen.getByLabelText('Purpose') as HTMLSelectElement).value).toBe('interview');
    expect(onChanged).not.toHaveBeenCalled();

    fireEvent.change(day, { target: { value: '2027-03-30' } });
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ version: 3 })));
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', '/visits/v1', { version: 2, expectedAt: '2027-03-29T14:30:00+02:00', purpose: 'interview' }],
      ['PATCH', '/visits/v1', { version: 2, expectedAt: '2027-03-30T14:30:00+02:00', purpose: 'interview' }],
    ]);
  });

  it('says in words why the API refuses a day that has passed', async () => {
    setLanguage('nl');
    const { api } = fakeApi(() => problem(422, {
      type: 'https://spil.nl/problems/visit-in-the-past', title: 'Visit in the past', status: 422,
      detail: 'the expected arrival is on a day that has passed at the site',
    }));
    renderScreen(<ChangeVisitDialog visit={visit()} onClose={() => undefined} onChanged={() => undefined} />, { api, roles: ['reception'] });
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText('Dag'), { target: { value: '2020-01-06' } });
    await user.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Die dag is op de locatie al voorbij. Kies vandaag of een latere dag.');
    expect((screen.getByLabelText('Dag') as HTMLInputElement).value).toBe('2020-01-06');
  });
});
