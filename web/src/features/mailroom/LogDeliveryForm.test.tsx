import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { badFields, fakeApi, json, renderScreen } from '../../testing';
import { mailItem } from './fixtures';
import { LogDeliveryForm } from './LogDeliveryForm';

const ANNE = { type: 'person', personId: 'p-anne', name: 'Anne van den Berg', department: 'Finance', siteId: 's1' };
const SALES = { type: 'department', name: 'Sales' };

function renderForm(log: () => Response) {
  const { api, sent } = fakeApi((r) => {
    if (r.method === 'GET' && r.path === '/mail/recipients') {
      return json(200, { items: r.query.get('q')!.toLowerCase().startsWith('an') ? [ANNE, SALES] : [SALES] });
    }
    if (r.method === 'POST' && r.path === '/mail') return log();
    return undefined;
  });
  const onLogged = vi.fn();
  renderScreen(<LogDeliveryForm siteId="s1" onLogged={onLogged} />, { api, roles: ['reception'] });
  return { sent, onLogged, posts: () => sent.filter((r) => r.method === 'POST') };
}

async function choose(user: ReturnType<typeof userEvent.setup>, item: HTMLElement, typed: string, name: RegExp) {
  await user.type(within(item).getByLabelText('Recipient (as on the label)'), typed);
  await user.click(await within(item).findByRole('button', { name }));
}

describe('logging a delivery', () => {
  it('sends several items in one create with an Idempotency-Key, each item with its own recipient', async () => {
    setLanguage('en');
    const { posts, onLogged } = renderForm(() => json(201, {
      batchId: 'b1', items: [mailItem({ id: 'm1' }), mailItem({ id: 'm2', kind: 'letter', recipient: { type: 'department', name: 'Sales' } })],
    }));
    const user = userEvent.setup();
    const first = screen.getByRole('group', { name: 'Item 1' });
    await choose(user, first, 'Anne', /^Anne van den Berg/);
    expect(within(first).getByText('For Anne van den Berg')).toBeTruthy();
    await user.type(within(first).getByLabelText('Shelf'), 'B');

    await user.click(screen.getByRole('button', { name: 'Add another item' }));
    const second = screen.getByRole('group', { name: 'Item 2' });
    // a delivery mostly comes with one carrier to one shelf: the next item starts with those
    expect((within(second).getByLabelText('Shelf') as HTMLInputElement).value).toBe('B');
    await choose(user, second, 'Sales', /^Sales/);
    await user.selectOptions(within(second).getByLabelText('What'), 'letter');
    await user.clear(within(second).getByLabelText('Count'));
    await user.type(within(second).getByLabelText('Count'), '3');
    await user.click(screen.getByRole('button', { name: 'Log' }));

    await waitFor(() => expect(onLogged).toHaveBeenCalledOnce());
    expect(posts()).toHaveLength(1);
    expect(posts()[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts()[0].body).toEqual({
      siteId: 's1',
      items: [
        { kind: 'parcel', carrier: 'postnl', shelf: 'B', count: 1, recipient: { personId: 'p-anne' } },
        { kind: 'letter', carrier: 'postnl', shelf: 'B', count: 3, recipient: { department: 'Sales' } },
      ],
    });
    expect(onLogged.mock.calls[0][0]).toHaveLength(2);
    expect(onLogged.mock.calls[0][1]).toEqual(['Anne van den Berg', 'Sales']);
    // the form starts again with one empty item
    expect(screen.queryByRole('group', { name: 'Item 2' })).toBeNull();
  });

  it('marks the field of the item the API names, keeps every item as typed, and resends with the same key', async () => {
    setLanguage('en');
    let answers = 0;
    const { posts, onLogged } = renderForm(() => (++answers === 1
      ? badFields([{ field: 'items[1].trackingNumber', message: 'is not a DHL tracking number' }])
      : json(201, { batchId: 'b1', items: [mailItem({ id: 'm1' }), mailItem({ id: 'm2' })] })));
    const user = userEvent.setup();
    const first = screen.getByRole('group', { name: 'Item 1' });
    await choose(user, first, 'Anne', /^Anne van den Berg/);
    await user.type(within(first).getByLabelText('Shelf'), 'B');
    await user.click(screen.getByRole('button', { name: 'Add another item' }));
    const second = screen.getByRole('group', { name: 'Item 2' });
    await choose(user, second, 'Sales', /^Sales/);
    await user.selectOptions(within(second).getByLabelText('Carrier'), 'dhl');
    await user.type(within(second).getByLabelText('Tracking number'), '12345');
    await user.click(screen.getByRole('button', { name: 'Log' }));

    const tracking = within(second).getByLabelText('Tracking number') as HTMLInputElement;
    await waitFor(() => expect(tracking.getAttribute('aria-invalid')).toBe('true'));
    expect(within(second).getByText('is not a DHL tracking number')).toBeTruthy();
    expect(within(first).getByLabelText('Tracking number').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Please check the marked fields.');
    expect(tracking.value).toBe('12345');
    expect(within(first).getByText('For Anne van den Berg')).toBeTruthy();
    expect(within(second).getByText('For Sales')).toBeTruthy();
    expect(onLogged).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Log' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalledOnce());
    expect(posts()[1].headers.get('Idempotency-Key')).toBe(posts()[0].headers.get('Idempotency-Key'));
  });
});
