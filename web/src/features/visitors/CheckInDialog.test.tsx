import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import type { paths } from '../../api/schema';
import { AppContext, type AppContextValue } from '../../app/context';
import { setLanguage } from '../../i18n/i18n';
import { CheckInDialog } from './CheckInDialog';

const json = (status: number, body: object, type = 'application/json') => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': type },
});
const RULES = { siteId: 's1', version: 3, texts: { en: 'Wear your badge.', nl: 'Draag je badge.' } };
const VISIT = {
  id: 'v1', groupId: 'g1', siteId: 's1', siteName: 'Zuidas', timeZone: 'Europe/Amsterdam', expectedAt: '2027-03-29T10:00:00+02:00',
  minutes: 60, purpose: 'meeting', visitor: { name: 'Anna de Wit', language: 'en' }, host: { id: 'h1', name: 'Sam de Vries' },
  status: 'checked-in', walkIn: false, checkInCode: 'K7MQ2ZPX', version: 2,
};

function renderDialog(checkIns: (() => Response)[]) {
  const sent: { url: string; body: unknown }[] = [];
  const fetch = vi.fn(async (input: Request) => {
    if (input.method === 'GET') {
      return json(200, RULES);
    }
    sent.push({ url: input.url, body: await input.clone().json() });
    return checkIns[Math.min(sent.length - 1, checkIns.length - 1)]();
  });
  const api = createClient<paths>({ baseUrl: 'http://api.test', fetch });
  const value = { api } as unknown as AppContextValue;
  const onCheckedIn = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AppContext.Provider value={value}>
        <CheckInDialog siteId="s1" target={{ code: 'K7MQ2ZPX' }} onClose={() => undefined} onCheckedIn={onCheckedIn} />
      </AppContext.Provider>
    </QueryClientProvider>,
  );
  return { sent, onCheckedIn };
}

describe('checking a visitor in at the desk', () => {
  it('sends nothing until the house rules are accepted, then the version shown and the typed name', async () => {
    setLanguage('en');
    const { sent, onCheckedIn } = renderDialog([() => json(200, VISIT)]);
    const user = userEvent.setup();
    await screen.findByText('Wear your badge.');
    await user.type(screen.getByLabelText('Name as typed by the visitor'), 'Anna de Wit');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(screen.getByRole('alert').textContent).toBe('Accept the house rules first.');
    expect(sent).toEqual([]);

    await user.click(screen.getByLabelText('The visitor has read and accepts the house rules'));
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    await waitFor(() => expect(onCheckedIn).toHaveBeenCalledWith(expect.objectContaining({ id: 'v1' })));
    expect(sent).toEqual([{ url: 'http://api.test/check-ins',
      body: { siteId: 's1', code: 'K7MQ2ZPX', houseRules: { version: 3, typedName: 'Anna de Wit' } } }]);
  });

  it('says so when the code is unknown, and keeps what was typed', async () => {
    setLanguage('en');
    const { onCheckedIn } = renderDialog([() => json(422, {
      type: 'https://spil.nl/problems/unknown-code', title: 'Unknown code', status: 422, detail: 'no visit with this code today',
    }, 'application/problem+json')]);
    const user = userEvent.setup();
    await screen.findByText('Wear your badge.');
    await user.click(screen.getByLabelText('The visitor has read and accepts the house rules'));
    await user.type(screen.getByLabelText('Name as typed by the visitor'), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Nobody is expected today with this code.');
    expect((screen.getByLabelText('Name as typed by the visitor') as HTMLInputElement).value).toBe('Anna');
    expect(onCheckedIn).not.toHaveBeenCalled();
  });
});
