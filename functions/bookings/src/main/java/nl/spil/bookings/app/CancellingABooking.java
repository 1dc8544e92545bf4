package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.app.ChangingABooking.Scope;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.identity.Caller;

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

    public CancellingABooking(Bookings bookings, RecurringSeries allSeries, BookingMails mails, Clock clock) {
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.mails = mails;
        this.clock = clock;
    }

    /** @return how many bookings were cancelled */
    public int cancel(Caller caller, String id, Scope scope) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        Instant now = clock.instant();
        if (scope == Scope.OCCURRENCE) {
            Booking cancelled = current.cancelled(now);
            bookings.cancel(current, cancelled, mails.cancelled(cancelled));
            return 1;
        }
        List<Booking> toCancel = ChangingABooking.occurrences(bookings, ChangingABooking.seriesOf(allSeries, current),
                current, scope);
        if (toCancel.isEmpty()) {
            current.requireActive();
        }
        List<Booking> cancelled = toCancel.stream().map(b -> b.cancelled(now)).toList();
        for (int i = 0; i < toCancel.size(); i++) {
            boolean last = i == toCancel.size() - 1;
            bookings.cancel(toCancel.get(i), cancelled.get(i), last ? mails.seriesCancelled(cancelled) : Optional.empty());
        }
        return toCancel.size();
    }
}
