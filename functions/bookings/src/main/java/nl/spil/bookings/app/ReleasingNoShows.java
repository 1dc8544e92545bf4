package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Series;

/**
 * The schedule releases bookings nobody checked in before the window closed: the slots are
 * freed and the organiser is told. Running a tick again finds nothing left to release (the
 * no-show marker is deleted in the release transaction, and the release is conditional on the
 * booking still being active and not checked in). A series whose third occurrence is released
 * ends: its following occurrences are cancelled and the organiser is told.
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

    /**
     * After {@link Series#MAX_MISSED} released occurrences the series ends: its following
     * occurrences are cancelled and the organiser told once (the series' end is conditional).
     */
    private void endSeriesAfterMissedCheckIns(String seriesId, Booking missed) {
        Optional<Series> found = bookings.series(seriesId);
        if (found.isEmpty() || found.get().ended() || found.get().missed() < Series.MAX_MISSED) {
            return;
        }
        List<Booking> following = new ArrayList<>();
        for (String id : found.get().bookingIds()) {
            bookings.byId(id).filter(Booking::isActive).filter(o -> o.start().isAfter(missed.start())).ifPresent(o -> {
                Booking cancelled = o.cancelled(clock.instant());
                bookings.cancel(o, cancelled, Optional.empty());
                following.add(cancelled);
            });
        }
        bookings.endSeries(found.get(), mails.seriesEnded(missed, following));
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
                gone.seriesId().ifPresent(series -> endSeriesAfterMissedCheckIns(series, gone));
            }
        }
        return new Report(due.size(), released);
    }
}
