import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { saveFile } from '../../ui/download';
import { badFields, fakeApi, json, renderScreen, type Sent } from '../../testing';
import { visit } from './fixtures';
import VisitorPrivacyPage from './VisitorPrivacyPage';

vi.mock('../../ui/download', async (original) => ({ ...await original<typeof import('../../ui/download')>(), saveFile: vi.fn() }));

const SETTINGS = { siteId: 's1', address: 'Main entrance, Gustav Mahlerlaan 10', retentionDays: 30, version: 4 };
const RECEIPT = { receiptId: 'r-1', erasedAt: '2027-03-29T10:00:00Z', visits: 2, blockListHits: 0, outboxItems: 3, s3Objects: 0 };

function renderPage(answer: (r: Sent) => Response | undefined) {
  const { api, sent } = fakeApi((r) => (r.path === '/sites/s1/visitor-settings' && r.method === 'GET' ? json(200, SETTINGS) : answer(r)));
  renderScreen(<VisitorPrivacyPage />, { api });
  return sent;
}

describe("visitors' data and privacy", () => {
  it("saves a site's retention with the version read; a refused number is marked and kept", async () => {
    setLanguage('en');
    let puts = 0;
    const sent = renderPage((r) => (r.method === 'PUT'
      ? (++puts === 1 ? badFields([{ field: 'retentionDays', message: 'must be 1 to 365' }]) : json(200, { ...SETTINGS, retentionDays: 60, version: 5 }))
      : undefined));
    const user = userEvent.setup();
    const days = await screen.findByLabelText('Keep visitor data (days)') as HTMLInputElement;
    expect(days.value).toBe('30');
    await user.clear(days);
    await user.type(days, '400');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must be 1 to 365')).toBeTruthy();
    expect(days.value).toBe('400');

    await user.clear(days);
    await user.type(days, '60');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Visitor settings saved.');
    expect(sent.filter((r) => r.method === 'PUT').map((r) => r.body)[1])
      .toEqual({ version: 4, address: 'Main entrance, Gustav Mahlerlaan 10', retentionDays: 60 });
  });

  it("finds everything held about a visitor by e-mail and saves it as a file", async () => {
    setLanguage('en');
    const held = { email: 'anna@example.org', exportedAt: '2027-03-29T10:00:00Z', visits: [visit(), visit({ id: 'v2', status: 'checked-out' })] };
    const sent = renderPage((r) => (r.path === '/privacy/visitor-export' ? json(200, held) : undefined));
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Export a visitor’s data' });
    await user.type(within(card).getByLabelText('Visitor’s e-mail'), 'anna@example.org');
    await user.click(within(card).getByRole('button', { name: 'Find' }));
    await within(card).findByText('2 visit(s) held for anna@example.org.');
    expect(within(card).getAllByText('Anna de Wit')).toHaveLength(2);
    expect(sent.find((r) => r.path === '/privacy/visitor-export')!.query.get('email')).toBe('anna@example.org');
    await user.click(within(card).getByRole('button', { name: 'Download (JSON)' }));
    const [blob, name] = vi.mocked(saveFile).mock.calls[0];
    expect(name).toBe('visitor-export-anna-example-org.json');
    expect(JSON.parse(await blob.text())).toEqual(held);
  });

  it('erases only after a confirmation; the field the API refuses is marked and the receipt shown', async () => {
    setLanguage('en');
    let posts = 0;
    const sent = renderPage((r) => (r.path === '/privacy/visitor-erasure'
      ? (++posts === 1 ? badFields([{ field: 'email', message: 'is not an e-mail address' }]) : json(200, RECEIPT))
      : undefined));
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Erase a visitor’s data' });
    const email = within(card).getByLabelText('Visitor’s e-mail') as HTMLInputElement;
    await user.click(within(card).getByRole('button', { name: 'Erase…' }));
    // nobody named: nothing is sent, the e-mail field says what is missing
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(card).getByText('Give the visitor’s e-mail address or a visit id.')).toBeTruthy();

    await user.type(email, 'anna@example');
    await user.click(within(card).getByRole('button', { name: 'Erase…' }));
    expect(sent.filter((r) => r.path === '/privacy/visitor-erasure')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));
    await within(card).findByText('is not an e-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.value).toBe('anna@example');

    await user.type(email, '.org');
    await user.click(within(card).getByRole('button', { name: 'Erase…' }));
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));
    await within(card).findByText(/^Erased: 2 visit\(s\), 0 block-list hit\(s\), 3 e-mail\(s\), 0 file\(s\)\. Receipt r-1/);
    expect(sent.filter((r) => r.path === '/privacy/visitor-erasure').map((r) => r.body))
      .toEqual([{ email: 'anna@example' }, { email: 'anna@example.org' }]);
  });
});
