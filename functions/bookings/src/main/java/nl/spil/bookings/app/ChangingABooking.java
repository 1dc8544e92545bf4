package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Resource;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;

/**
 * The organiser (or the office manager) reschedules, moves, renames or cancels a booking. A
 * reschedule is checked exactly like a new booking: the rules, then one conditional transaction
 * that frees the slots left and takes the new ones.
 */
@Singleton
public class ChangingABooking {

    private final Resources resources;
    private final Bookings bookings;
    private final BookingMails mails;
    private final Clock clock;

    public ChangingABooking(Resources resources, Bookings bookings, BookingMails mails, Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.mails = mails;
        this.clock = clock;
    }

    /** What changes; empty fields stay as they are. */
    public record Change(long version, Optional<String> resourceId, Optional<Instant> start, Optional<Instant> end,
                         Optional<String> title, Optional<Optional<String>> notes) {
    }

    public Booking change(Caller caller, String id, Change change) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        if (current.version() != change.version()) {
            throw ProblemException.stale("booking " + id + " is at version " + current.version() + ", not " + change.version());
        }
        mustBeActive(current);
        Instant now = clock.instant();
        String resourceId = change.resourceId().orElse(current.resourceId());
        Resource resource = resources.byId(resourceId)
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
        Instant start = change.start().orElse(current.start());
        Instant end = change.end().orElse(current.end());
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("end", "must be after start");
        }
        if (!start.equals(current.start()) || !end.equals(current.end()) || !resourceId.equals(current.resourceId())) {
            BookingAResource.check(resource, start, end, now);
        }
        Booking changed = current.rescheduled(resource, start, end, change.title().orElse(current.title()),
                change.notes().orElse(current.notes()), now);
        bookings.reschedule(current, changed, mails.changed(changed));
        return changed;
    }

    public void cancel(Caller caller, String id) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        mustBeActive(current);
        Booking cancelled = current.cancelled(clock.instant());
        bookings.cancel(current, cancelled, mails.cancelled(cancelled));
    }

    static void mustBeActive(Booking b) {
        if (!b.isActive()) {
            throw ProblemException.conflict("booking-not-active", "Booking no longer active",
                    "booking " + b.id() + " is " + b.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
