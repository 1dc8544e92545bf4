import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatPlainDate, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Button, Empty, Field, Loading, PageHeader, ProblemBanner } from '../../ui/ui';
import { addDays, today } from './time';

type Overview = Schemas['DayOverview'];

export function useDayOverview(siteId: string | undefined, date: string) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['day-overview', siteId, date],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/bookings', { params: { query: { site: siteId!, date } } })) as Promise<Overview>,
  });
}

/** The office manager's day: every booking of the site with its preparation notes and check-in. */
export default function DayOverviewPage() {
  const { t } = useI18n();
  const { site } = useApp();
  const zone = site?.timeZone ?? 'Europe/Amsterdam';
  const [date, setDate] = useState(today(zone));
  const overview = useDayOverview(site?.id, date);
  return (
    <>
      <PageHeader title={t('day.title')} />
      <div className="card filters">
        <div className="filter-row">
          <Field label={t('book.date')} name="date"><input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} /></Field>
          <div className="day-steps">
            <Button kind="link" onClick={() => setDate(addDays(date, -1))} aria-label={t('book.previousDay')}>‹</Button>
            <Button kind="link" onClick={() => setDate(addDays(date, 1))} aria-label={t('book.nextDay')}>›</Button>
          </div>
        </div>
      </div>
      <section className="card" aria-labelledby="day-list">
        <h2 id="day-list">{formatPlainDate(date)}</h2>
        {overview.isPending && <Loading />}
        {overview.error instanceof ProblemError && <ProblemBanner problem={overview.error.problem} />}
        {overview.data && <DayList items={overview.data.items} zone={zone} />}
      </section>
    </>
  );
}

export function DayList({ items, zone, limit }: { items: Overview['items']; zone: string; limit?: number }) {
  const { t } = useI18n();
  if (items.length === 0) {
    return <Empty>{t('day.none')}</Empty>;
  }
  const sorted = [...items].sort((a, b) => a.start.localeCompare(b.start)).slice(0, limit ?? items.length);
  return (
    <ul className="booking-list">
      {sorted.map((b) => (
        <li key={b.bookingId} className="booking">
          <div className="booking-time">{formatTime(b.start, zone)}–{formatTime(b.end, zone)}</div>
          <div className="booking-main">
            <strong>{b.title}</strong>
            <div className="muted">{b.resourceName} · {b.organiserEmail}</div>
            {b.notes && <div className="prep-note">{t('day.prep')}: {b.notes}</div>}
          </div>
          <div>{b.checkedIn ? <Badge tone="good">{t('mine.checkedIn')}</Badge> : <Badge>{t('day.notYet')}</Badge>}</div>
        </li>
      ))}
    </ul>
  );
}
