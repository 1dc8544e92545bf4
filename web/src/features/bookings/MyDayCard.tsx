import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemError } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, ProblemBanner } from '../../ui/ui';
import { BOOKING_KEYS } from './data';
import { BookingRow, useMyBookings } from './MyBookingsPage';

/** Dashboard card: my next bookings, with check-in right there. */
export default function MyDayCard() {
  const { t } = useI18n();
  const bookings = useMyBookings(14);
  const queryClient = useQueryClient();
  const next = (bookings.data ?? []).filter((b) => b.status === 'booked' && Date.parse(b.end) > Date.now())
    .sort((a, b) => a.start.localeCompare(b.start)).slice(0, 3);
  return (
    <section className="card" aria-labelledby="my-day-title">
      <div className="section-head">
        <h2 id="my-day-title">{t('home.nextBookings')}</h2>
        <Link to="/book" className="btn btn-primary">{t('nav.book')}</Link>
      </div>
      {bookings.isPending && <Loading />}
      {bookings.error instanceof ProblemError && <ProblemBanner problem={bookings.error.problem} />}
      {bookings.data && next.length === 0 && <Empty>{t('home.noBookings')}</Empty>}
      <ul className="booking-list">
        {next.map((b) => (
          <BookingRow key={b.id} booking={b} showDay
            onCheckedIn={() => BOOKING_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }))} />
        ))}
      </ul>
      {next.length > 0 && <Link to="/my-bookings">{t('home.allMine')}</Link>}
    </section>
  );
}
