import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { saveFile } from '../../ui/download';
import { badFields, fakeApi, json, renderScreen } from '../../testing';
import { mailItem } from './fixtures';
import OutgoingPostPage from './OutgoingPostPage';

vi.mock('../../ui/download', async (original) => ({ ...await original<typeof import('../../ui/download')>(), saveFile: vi.fn() }));

const TO_FORWARD = mailItem({
  id: 'm1', status: 'forward-requested',
  forwarding: { requestedAt: '2027-03-29T09:00:00Z', to: 'address', address: { line1: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' } },
});
const TO_RETURN = mailItem({ id: 'm2', kind: 'letter', recipient: { type: 'left' }, sender: 'Belastingdienst' });

function renderPage(forwarded: () => Response) {
  const { api, sent } = fakeApi((r) => {
    if (r.path === '/mail/forwarding-list') return json(200, { items: [TO_FORWARD] });
    if (r.path === '/mail/return-list') return json(200, { items: [TO_RETURN] });
    if (r.path === '/mail/settings/s1') return json(200, { siteId: 's1', firstReminderDays: 3, secondReminderDays: 7, returnAfterDays: 14, keepDays: 90 });
    if (r.path === '/mail/forwarding-labels') return new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'Content-Type': 'application/pdf' } });
    if (r.path === '/mail/m1/forwarded') return forwarded();
    if (r.path === '/mail/m2/return') return json(200, { ...TO_RETURN, status: 'returned' });
    return undefined;
  });
  renderScreen(<OutgoingPostPage />, { api, roles: ['reception'] });
  return sent;
}

describe('forwarding and returns', () => {
  it('lists what to forward with its address, and downloads the address labels of the site', async () => {
    setLanguage('en');
    const sent = renderPage(() => json(200, TO_FORWARD));
    const user = userEvent.setup();
    await screen.findByText(/Keizersgracht 1/);
    expect(screen.getByText(/after 14 days an item is listed here/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Address labels (PDF)' }));
    await screen.findByText('forwarding-labels-Zuidas.pdf downloaded: print it on A4 sheets of 3 × 8 labels.');
    const labels = sent.find((r) => r.path === '/mail/forwarding-labels')!;
    expect(labels.query.get('site')).toBe('s1');
    const [blob, name] = vi.mocked(saveFile).mock.calls[0];
    expect(name).toBe('forwarding-labels-Zuidas.pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });

  it('marks an item forwarded with carrier and tracking number; a refused number is marked and kept', async () => {
    setLanguage('en');
    let answers = 0;
    const sent = renderPage(() => (++answers === 1
      ? badFields([{ field: 'trackingNumber', message: 'is not a DHL tracking number' }], 422)
      : json(200, { ...TO_FORWARD, status: 'forwarded' })));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mark the Parcel for Sam de Vries forwarded' }));
    await user.selectOptions(screen.getByLabelText('Carrier'), 'dhl');
    await user.type(screen.getByLabelText('Tracking number'), 'JVGL0612');
    await user.click(screen.getByRole('button', { name: 'Mark forwarded' }));

    const tracking = screen.getByLabelText('Tracking number') as HTMLInputElement;
    await waitFor(() => expect(tracking.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('is not a DHL tracking number')).toBeTruthy();
    expect(tracking.value).toBe('JVGL0612');
    await user.type(tracking, '34567890');
    await user.click(screen.getByRole('button', { name: 'Mark forwarded' }));
    await screen.findByText('Forwarded to Sam de Vries; they have been e-mailed the tracking number.');
    expect(sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      ['/mail/m1/forwarded', { carrier: 'dhl', trackingNumber: 'JVGL0612' }],
      ['/mail/m1/forwarded', { carrier: 'dhl', trackingNumber: 'JVGL061234567890' }],
    ]);
  });

  it('marks an item returned to its sender', async () => {
    setLanguage('en');
    const sent = renderPage(() => json(200, TO_FORWARD));
    const user = userEvent.setup();
    expect(await screen.findByText('The recipient left the company')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Mark the Letter for left the company returned' }));
    await user.type(screen.getByLabelText('Tracking number'), 'RR123456785NL');
    await user.click(screen.getByRole('button', { name: 'Mark returned' }));
    await screen.findByText('The item for left the company is recorded as returned.');
    expect(sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body]))
      .toEqual([['/mail/m2/return', { carrier: 'postnl', trackingNumber: 'RR123456785NL' }]]);
  });
});
