package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Series;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;

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
    private final RecurringSeries allSeries;
    private final BookingMails mails;
    private final Clock clock;
    private final Outcomes outcomes;

    public ReleasingNoShows(Bookings bookings, RecurringSeries allSeries, BookingMails mails, Clock clock,
                            Outcomes outcomes) {
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.mails = mails;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** What one tick did. */
    public record Report(int due, int released) {
    }

    public Report release(Instant tick) {
        int released = 0;
        List<String> due = bookings.dueForRelease(tick);
        for (String id : due) {
            Optional<Booking> found = bookings.byId(id).filter(Booking::isActive).filter(b -> b.checkedInAt().isEmpty());
            if (found.isEmpty()) {
                continue;
            }
            Booking gone = found.get().released(clock.instant());
            if (bookings.release(found.get(), gone, mails.released(gone))) {
                released++;
                outcomes.record(Outcome.NO_SHOW_RELEASED);
                gone.seriesId().ifPresent(series -> endSeriesAfterMissedCheckIns(series, gone));
            }
        }
        return new Report(due.size(), released);
    }

    /**
     * After {@link Series#MAX_MISSED} released occurrences the series ends: its following
     * occurrences are cancelled and the organiser told once (the series' end is conditional).
     */
    private void endSeriesAfterMissedCheckIns(String seriesId, Booking missed) {
        Optional<Series> found = allSeries.byId(seriesId);
        if (found.isEmpty() || found.get().ended() || found.get().missed() < Series.MAX_MISSED) {
            return;
        }
        List<Booking> following = new ArrayList<>();
        for (String id : found.get().bookingIds()) {
            bookings.byId(id).filter(Booking::isActive).filter(o -> o.start().isAfter(missed.start())).ifPresent(o -> {
                Booking cancelled = o.cancelled(clock.instant());
                try {
                    bookings.cancel(o, cancelled, Optional.empty());
                    following.add(cancelled);
                } catch (Refused changedMeanwhile) {
                    // the organiser changed or cancelled it just now: theirs to decide
                }
            });
        }
        allSeries.end(found.get(), mails.seriesEnded(missed, following));
    }
}
