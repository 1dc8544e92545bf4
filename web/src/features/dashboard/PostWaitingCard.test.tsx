import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { fakeApi, json, renderScreen } from '../../testing';
import { mailItem } from '../mailroom/fixtures';
import PostWaitingCard from './PostWaitingCard';

describe('the post waiting card', () => {
  it("counts what lies on the site's shelves from one list request", async () => {
    setLanguage('en');
    const { api, sent } = fakeApi((r) => (r.path === '/mail' ? json(200, { items: [
      mailItem({ id: 'm1', receivedAt: '2027-03-26T09:00:00Z' }),
      mailItem({ id: 'm2', kind: 'letter', count: 5 }),
      mailItem({ id: 'm3', locked: true }),
      mailItem({ id: 'm4', status: 'forward-requested' }),
    ] }) : undefined));
    renderScreen(<PostWaitingCard />, { api });
    const card = await screen.findByRole('region', { name: 'Post waiting' });
    await screen.findByText('3 item(s) waiting for pickup');
    expect(card.textContent).toContain('2 × Parcel');
    expect(card.textContent).toContain('5 × Letter');
    expect(screen.getByRole('link', { name: '1 to forward' }).getAttribute('href')).toBe('/post/outgoing');
    expect(card.textContent).toContain('1 locked');
    expect(card.textContent).toMatch(/Oldest arrived Fri 26 Mar/);
    expect(sent).toHaveLength(1);
    expect(sent[0].query.get('site')).toBe('s1');
  });

  it('says so when nothing waits', async () => {
    setLanguage('en');
    const { api } = fakeApi(() => json(200, { items: [] }));
    renderScreen(<PostWaitingCard />, { api });
    await screen.findByText('No post waiting.');
  });
});
