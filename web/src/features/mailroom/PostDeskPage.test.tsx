import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { badFields, fakeApi, json, renderScreen } from '../../testing';
import { mailItem } from './fixtures';
import PostDeskPage from './PostDeskPage';

const FOR_SALES = mailItem({ id: 'm1', recipient: { type: 'department', name: 'Sales' } });

describe("handing out a department's post", () => {
  it('names who collects it: the API refusing without one marks the field, then the chosen colleague is sent', async () => {
    setLanguage('en');
    let pickups = 0;
    const { api, sent } = fakeApi((r) => {
      if (r.method === 'GET' && r.path === '/mail') return json(200, { items: [FOR_SALES] });
      if (r.path === '/mail/recipients') {
        return json(200, { items: [{ type: 'person', personId: 'p-anne', name: 'Anne van den Berg', department: 'Sales' }, { type: 'department', name: 'Sales' }] });
      }
      if (r.path === '/mail/m1/pickup') {
        return ++pickups === 1
          ? badFields([{ field: 'collectorId', message: "is required for a department's post: who collects it" }])
          : json(200, { ...FOR_SALES, status: 'collected', handedOut: {
            at: '2027-03-29T10:00:00Z', collectorId: 'p-anne', collectorName: 'Anne van den Berg', byDelegate: false,
            receptionistId: 'p-rita', receptionistName: 'Rita', check: 'code' } });
      }
      return undefined;
    });
    renderScreen(<PostDeskPage />, { api, roles: ['reception'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hand out the Parcel for Sales' }));
    await user.type(screen.getByLabelText('Pickup code (6 digits)'), '482913');
    await user.click(screen.getByRole('button', { name: 'Hand out' }));

    const collector = screen.getByLabelText('Who collects it for Sales');
    await waitFor(() => expect(collector.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText("is required for a department's post: who collects it")).toBeTruthy();
    expect((screen.getByLabelText('Pickup code (6 digits)') as HTMLInputElement).value).toBe('482913');

    await user.type(collector, 'Anne');
    // only people collect: the department itself is not offered
    await user.click(await screen.findByRole('button', { name: /^Anne van den Berg/ }));
    expect(screen.queryByRole('button', { name: /^Sales/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hand out' }));
    await screen.findByText('Handed out to Anne van den Berg.');
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([{ code: '482913' }, { code: '482913', collectorId: 'p-anne' }]);
  });
});
