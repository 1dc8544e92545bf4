import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { fakeApi, json, renderScreen } from '../../testing';
import { mailItem } from './fixtures';
import MyPostPage from './MyPostPage';

describe('my post', () => {
  it("shows my department's post, with its pickup code, beside my own", async () => {
    setLanguage('en');
    const { api, sent } = fakeApi((r) => {
      if (r.path !== '/mail') return undefined;
      return json(200, { items: r.query.get('scope') === 'department'
        ? [mailItem({ id: 'm9', kind: 'letter', count: 4, pickupCode: '604117', recipient: { type: 'department', name: 'Sales' } })]
        : [] });
    });
    renderScreen(<MyPostPage />, { api, roles: ['staff'] });
    const section = await screen.findByRole('region', { name: 'For Sales' });
    expect(section.textContent).toContain('4 × Letter');
    expect(section.textContent).toContain('604117');
    expect(sent.some((r) => r.query.get('scope') === 'department')).toBe(true);
  });

  it('shows no department section when there is none', async () => {
    setLanguage('en');
    const { api } = fakeApi((r) => (r.path === '/mail' ? json(200, { items: [] }) : undefined));
    renderScreen(<MyPostPage />, { api, roles: ['staff'] });
    await screen.findByText('Nothing is waiting for you.');
    expect(screen.queryByRole('region', { name: /^For / })).toBeNull();
  });
});
