package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.app.ChangingABooking.Scope;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;

/**
 * The organiser (or the office manager) cancels a booking, or for an occurrence of a series this
 * and the following ones, or every active one. Each occurrence is its own transaction freeing its
 * slots; the organiser gets one e-mail (with the last) whose iCalendar cancels them all.
 */
@Singleton
public class CancellingABooking {

    private final Bookings bookings;
    private final RecurringSeries allSeries;
    private final BookingMails mails;
    private final Clock clock;
    private final Outcomes outcomes;

    public CancellingABooking(Bookings bookings, RecurringSeries allSeries, BookingMails mails, Clock clock,
                              Outcomes outcomes) {
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.mails = mails;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** @return how many bookings were cancelled */
    public int cancel(Caller caller, String id, Scope scope) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        Instant now = clock.instant();
        if (scope == Scope.OCCURRENCE) {
            Booking cancelled = current.cancelled(now);
            bookings.cancel(current, cancelled, mails.cancelled(cancelled));
            outcomes.record(Outcome.BOOKING_CANCELLED);
            return 1;
        }
        List<Booking> toCancel = ChangingABooking.occurrences(bookings, ChangingABooking.seriesOf(allSeries, current),
                current, scope);
        if (toCancel.isEmpty()) {
            current.requireActive();
        }
        List<Booking> cancelled = toCancel.stream().map(b -> b.cancelled(now)).toList();
        int done = 0;
        try {
            for (int i = 0; i < toCancel.size(); i++) {
                boolean last = i == toCancel.size() - 1;
                bookings.cancel(toCancel.get(i), cancelled.get(i), last ? mails.seriesCancelled(cancelled) : Optional.empty());
                done++;
            }
        } finally {
            outcomes.record(Outcome.BOOKING_CANCELLED, done); // those cancelled before one changed meanwhile count too
        }
        return toCancel.size();
    }
}
