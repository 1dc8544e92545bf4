import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { badFields, fakeApi, json, renderScreen } from '../../testing';
import MailSettingsPage from './MailSettingsPage';

describe("a site's post settings", () => {
  it('shows the days, marks the one the API refuses keeping what was typed, and saves them', async () => {
    setLanguage('en');
    let puts = 0;
    const { api, sent } = fakeApi((r) => {
      if (r.method === 'GET') return json(200, { siteId: 's1', firstReminderDays: 3, secondReminderDays: 7, returnAfterDays: 14, keepDays: 90 });
      return ++puts === 1
        ? badFields([{ field: 'returnAfterDays', message: 'must be after the second reminder and at most 365' }])
        : json(200, { siteId: 's1', ...(r.body as object) });
    });
    renderScreen(<MailSettingsPage />, { api });
    const user = userEvent.setup();
    const back = await screen.findByLabelText('On the return list after (days)') as HTMLInputElement;
    expect(back.value).toBe('14');
    expect((screen.getByLabelText('Keep the record (days)') as HTMLInputElement).value).toBe('90');
    await user.clear(back);
    await user.type(back, '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(back.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must be after the second reminder and at most 365')).toBeTruthy();
    expect(back.value).toBe('5');
    expect(screen.getByLabelText('First reminder after (days)').getAttribute('aria-invalid')).toBeNull();

    await user.clear(back);
    await user.type(back, '21');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Post settings saved.');
    const put = sent.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual(['/mail/settings/s1', '/mail/settings/s1']);
    expect(put[1].body).toEqual({ firstReminderDays: 3, secondReminderDays: 7, returnAfterDays: 21, keepDays: 90 });
  });
});
