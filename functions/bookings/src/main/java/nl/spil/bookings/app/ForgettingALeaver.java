package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.PersonLeft;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Series;
import nl.spil.platform.retry.Retrying;

/**
 * Someone left (the directory's {@code PersonLeft}): their calendar feeds stop, their bookings
 * that have not ended are cancelled so the rooms are free for others, and every booking and series
 * of theirs is pseudonymised (no e-mail, title or notes; times and room stay, for the room's
 * history, until the retention period ends). Nobody is e-mailed: the leaver's mailbox is closing
 * and nobody else attends a booking.
 *
 * <p>Each step is idempotent on its own (a cancelled or forgotten booking is left as it is), and
 * the event id is remembered only once all are done: a redelivered event whose handling finished
 * is skipped, one that stopped halfway is finished.
 */
@Singleton
public class ForgettingALeaver {

    private final Bookings bookings;
    private final RecurringSeries allSeries;
    private final Feeds feeds;
    private final HandledEvents handled;
    private final Clock clock;

    public ForgettingALeaver(Bookings bookings, RecurringSeries allSeries, Feeds feeds, HandledEvents handled,
                             Clock clock) {
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.feeds = feeds;
        this.handled = handled;
        this.clock = clock;
    }

    /** What was done for one event (counts only: a receipt carries no personal data). */
    public record Receipt(boolean alreadyHandled, int feedsRevoked, int bookingsCancelled, int bookingsForgotten,
                          int seriesForgotten) {
    }

    public Receipt forget(PersonLeft left) {
        if (handled.handled(left.eventId())) {
            return new Receipt(true, 0, 0, 0, 0);
        }
        Receipt receipt = left.sub().map(this::forgetSubject).orElse(new Receipt(false, 0, 0, 0, 0));
        handled.remember(left.eventId(), clock.instant());
        return receipt;
    }

    private Receipt forgetSubject(String sub) {
        int revoked = 0;
        for (Feed feed : feeds.allOfOwner(sub)) {
            feeds.remove(feed);
            revoked++;
        }
        int cancelled = 0;
        int forgotten = 0;
        Set<String> series = new LinkedHashSet<>();
        for (Booking b : bookings.allOfOrganiser(sub)) {
            b.seriesId().ifPresent(series::add);
            Done done = forget(b);
            cancelled += done == Done.CANCELLED ? 1 : 0;
            forgotten += done == Done.NOTHING ? 0 : 1;
        }
        int seriesForgotten = 0;
        for (String id : series) {
            Optional<Series> found = allSeries.byId(id);
            if (found.isPresent() && !(found.get().ended() && found.get().organiserEmail().isEmpty())) {
                allSeries.forget(found.get());
                seriesForgotten++;
            }
        }
        return new Receipt(false, revoked, cancelled, forgotten, seriesForgotten);
    }

    private enum Done { CANCELLED, FORGOTTEN, NOTHING }

    /**
     * One booking: one that has not ended is cancelled and forgotten in one transaction that frees
     * its slots; an ended one is forgotten and keeps its slots. A booking changed meanwhile is read
     * and decided again.
     */
    private Done forget(Booking listed) {
        Booking b = listed;
        for (int tries = 1; ; tries++) {
            Instant now = clock.instant();
            try {
                if (b.isActive() && b.end().isAfter(now)) {
                    bookings.cancel(b, b.cancelled(now).forgotten(now), Optional.empty());
                    return Done.CANCELLED;
                }
                if (b.isForgotten()) {
                    return Done.NOTHING;
                }
                bookings.forget(b, b.forgotten(now));
                return Done.FORGOTTEN;
            } catch (Refused changedMeanwhile) {
                Optional<Booking> again = bookings.byId(b.id());
                if (again.isEmpty()) {
                    return Done.NOTHING;
                }
                if (tries >= Retrying.TRIES) {
                    throw changedMeanwhile;
                }
                b = again.get();
            }
        }
    }
}
