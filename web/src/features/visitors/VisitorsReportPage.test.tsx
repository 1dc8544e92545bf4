import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/i18n';
import { badFields, fakeApi, json, renderScreen } from '../../testing';
import { addDays, today } from '../bookings/time';
import type { VisitorsReport } from './data';
import { summarize } from './report';
import VisitorsReportPage from './VisitorsReportPage';

const DAY: VisitorsReport['days'][number] = { date: '', registered: 0, arrived: 0, byHour: {}, byPurpose: {}, byDepartment: {}, minutesOnSite: 0 };
const REPORT: VisitorsReport = {
  siteId: 's1', from: '2027-03-01', to: '2027-03-30', registered: 9, arrived: 7,
  days: [
    { ...DAY, date: '2027-03-29', registered: 5, arrived: 4, byHour: { '09': 3, '14': 1 }, byPurpose: { meeting: 3, interview: 1 },
      byDepartment: { Sales: 3, '-': 1 }, minutesOnSite: 300 },
    { ...DAY, date: '2027-03-30', registered: 4, arrived: 3, byHour: { '09': 2, '10': 1 }, byPurpose: { meeting: 3 },
      byDepartment: { Finance: 3 }, minutesOnSite: 120 },
  ],
};

describe('the visitors report', () => {
  it('adds the days up per hour, purpose and department, most first', () => {
    const s = summarize(REPORT);
    expect(s.byHour[9]).toBe(5);
    expect(s.byHour[10]).toBe(1);
    expect(s.byHour.reduce((a, b) => a + b, 0)).toBe(7);
    expect(s.byPurpose).toEqual([['meeting', 6], ['interview', 1]]);
    expect(s.byDepartment).toEqual([['Finance', 3], ['Sales', 3], ['-', 1]]);
    expect(s.averageMinutes).toBe(60);
    expect(summarize({ arrived: 0, days: [] }).averageMinutes).toBeNull();
  });

  it("asks for the site's last 30 days and shows them without names", async () => {
    setLanguage('en');
    const { api, sent } = fakeApi((r) => (r.path === '/reports/visitors' ? json(200, REPORT) : undefined));
    renderScreen(<VisitorsReportPage />, { api, roles: ['management'] });
    const totals = await screen.findByRole('region', { name: 'In this period' });
    expect(totals.textContent).toContain('Registered9');
    expect(totals.textContent).toContain('Average stay60 min');
    const end = today('Europe/Amsterdam');
    expect(Object.fromEntries(sent[0].query)).toEqual({ site: 's1', from: addDays(end, -29), to: end });
    const hours = screen.getByRole('region', { name: 'Arrivals per hour' });
    expect([...hours.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['09:005', '10:001', '14:001']);
    expect(screen.getByRole('region', { name: 'Arrivals per purpose' }).textContent).toContain('Meeting6');
    expect(screen.getByRole('region', { name: 'Arrivals per host department' }).textContent).toContain('No department1');
  });

  it('marks the date the API refuses', async () => {
    setLanguage('en');
    const { api } = fakeApi((r) => (r.query.get('from') === '2030-01-01'
      ? badFields([{ field: 'to', message: 'must not be before from' }])
      : json(200, REPORT)));
    renderScreen(<VisitorsReportPage />, { api, roles: ['office-manager'] });
    await screen.findByRole('region', { name: 'In this period' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2030-01-01' } });
    const to = screen.getByLabelText('Up to and including');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must not be before from')).toBeTruthy();
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2030-01-01');
  });
});
