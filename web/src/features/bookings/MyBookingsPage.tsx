import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { all, call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDay, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Button, Empty, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { CalendarFeedCard } from './CalendarFeedCard';
import { ChangeBookingForm, CancelBookingForm } from './ChangeBooking';
import { BOOKING_KEYS } from './data';
import { localOf, today } from './time';
import { Temporal } from 'temporal-polyfill';

type Booking = Schemas['Booking'];

/** My bookings of the coming weeks: check in, change or cancel (one, following or the series), my feed. */
export default function MyBookingsPage() {
  const { t } = useI18n();
  const bookings = useMyBookings(60);
  const [changing, setChanging] = useState<Booking | null>(null);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = (message: string) => {
    setNotice(message);
    BOOKING_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  };
  const items = (bookings.data ?? []).filter((b) => b.status === 'booked');
  const days = groupByDay(items);

  return (
    <>
      <PageHeader title={t('mine.title')} />
      {notice && <Notice>{notice}</Notice>}
      {bookings.isPending && <Loading />}
      {bookings.error instanceof ProblemError && <ProblemBanner problem={bookings.error.problem} />}
      {bookings.data && items.length === 0 && <Empty>{t('mine.none')}</Empty>}
      {days.map(([day, list]) => (
        <section key={day} className="card" aria-label={formatDay(list[0].start, list[0].timeZone)}>
          <h2>{formatDay(list[0].start, list[0].timeZone)}</h2>
          <ul className="booking-list">
            {list.map((b) => (
              <BookingRow key={b.id} booking={b} onCheckedIn={() => refresh(t('mine.checkedInNotice', { title: b.title }))}
                onChange={() => { setNotice(null); setChanging(b); }} onCancel={() => { setNotice(null); setCancelling(b); }} />
            ))}
          </ul>
        </section>
      ))}
      <CalendarFeedCard />
      {changing && (
        <ChangeBookingForm booking={changing} onClose={() => setChanging(null)}
          onChanged={(m) => { setChanging(null); refresh(m); }} />
      )}
      {cancelling && (
        <CancelBookingForm booking={cancelling} onClose={() => setCancelling(null)}
          onCancelled={(m) => { setCancelling(null); refresh(m); }} />
      )}
    </>
  );
}

/** My bookings from the start of today for the coming days. */
export function useMyBookings(days: number) {
  const { api, site } = useApp();
  const zone = site?.timeZone ?? 'Europe/Amsterdam';
  const from = Temporal.PlainDate.from(today(zone)).toZonedDateTime({ timeZone: zone });
  return useQuery({
    queryKey: ['my-bookings', days, from.toPlainDate().toString()],
    queryFn: () => all<Booking>((cursor) => call(api.GET('/bookings', {
      params: {
        query: {
          from: from.toString({ timeZoneName: 'never' }),
          to: from.add({ days }).toString({ timeZoneName: 'never' }),
          limit: 200,
          cursor,
        },
      },
    })) as Promise<{ items: Booking[]; nextCursor?: string }>),
  });
}

function groupByDay(list: Booking[]): [string, Booking[]][] {
  const map = new Map<string, Booking[]>();
  for (const b of [...list].sort((a, c) => a.start.localeCompare(c.start))) {
    const day = localOf(b.start, b.timeZone).date;
    map.set(day, [...(map.get(day) ?? []), b]);
  }
  return [...map.entries()];
}

/** One booking with its actions; check-in is offered on its day until its window closes. */
export function BookingRow({ booking: b, onCheckedIn, onChange, onCancel, showDay }: {
  booking: Booking;
  showDay?: boolean;
  onCheckedIn: () => void;
  onChange?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const checkIn = useAction(async (_: null) => call(api.POST('/bookings/{id}/check-in', { params: { path: { id: b.id } } })));
  const isToday = localOf(b.start, b.timeZone).date === today(b.timeZone);
  const windowOpen = isToday && !b.checkedInAt && Date.now() < Date.parse(b.checkInClosesAt);
  return (
    <li className="booking">
      <div className="booking-time">
        {showDay && <div className="booking-day">{isToday ? t('mine.today') : formatDay(b.start, b.timeZone)}</div>}
        {formatTime(b.start, b.timeZone)}–{formatTime(b.end, b.timeZone)}
      </div>
      <div className="booking-main">
        <strong>{b.title}</strong>
        <div className="muted">
          {b.resourceName}
          {b.seriesId && <> · <Badge>{t('mine.series')}</Badge></>}
          {b.checkedInAt && <> · <Badge tone="good">{t('mine.checkedIn')}</Badge></>}
        </div>
        {b.notes && <div className="muted small">{b.notes}</div>}
        {checkIn.problem && <ProblemBanner problem={checkIn.problem} />}
      </div>
      <div className="booking-actions">
        {windowOpen && (
          <Button kind="primary" busy={checkIn.busy} onClick={async () => { if (await checkIn.submit(null)) { onCheckedIn(); } }}
            aria-label={t('mine.checkInTo', { title: b.title })}>
            {t('mine.checkIn')}
          </Button>
        )}
        {onChange && <Button onClick={onChange} aria-label={t('mine.changeThis', { title: b.title })}>{t('mine.change')}</Button>}
        {onCancel && <Button kind="danger" onClick={onCancel} aria-label={t('mine.cancelThis', { title: b.title })}>{t('mine.cancel')}</Button>}
      </div>
    </li>
  );
}
