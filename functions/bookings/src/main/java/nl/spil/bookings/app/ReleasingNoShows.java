package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.bookings.domain.Booking;

/**
 * The schedule releases bookings nobody checked in before the window closed: the slots are
 * freed and the organiser is told. Running a tick again finds nothing left to release (the
 * no-show marker is deleted in the release transaction, and the release is conditional on the
 * booking still being active and not checked in).
 */
@Singleton
public class ReleasingNoShows {

    private final Bookings bookings;
    private final BookingMails mails;
    private final Clock clock;

    public ReleasingNoShows(Bookings bookings, BookingMails mails, Clock clock) {
        this.bookings = bookings;
        this.mails = mails;
        this.clock = clock;
    }

    /** What one tick did. */
    public record Report(int due, int released) {
    }

    public Report release(Instant tick) {
        int released = 0;
        var due = bookings.dueForRelease(tick);
        for (String id : due) {
            var found = bookings.byId(id);
            if (found.isEmpty()) {
                continue;
            }
            Booking b = found.get();
            if (!b.isActive() || b.checkedInAt().isPresent()) {
                continue;
            }
            Booking gone = b.released(clock.instant());
            if (bookings.release(b, gone, mails.released(gone))) {
                released++;
            }
        }
        return new Report(due.size(), released);
    }
}
