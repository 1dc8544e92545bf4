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

    /** Which occurrences of a series a cancel takes. */
    public enum Scope {
        OCCURRENCE, FOLLOWING, SERIES;

        public static Optional<Scope> tryParse(String s) {
            for (Scope v : values()) {
                if (v.name().equalsIgnoreCase(s)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    public void cancel(Caller caller, String id) {
        cancel(caller, id, Scope.OCCURRENCE);
    }

    /**
     * Cancels one booking, or for an occurrence of a series this and the following ones, or every
     * active one. Each occurrence is its own transaction; the organiser gets one e-mail (with the
     * last) whose iCalendar cancels them all.
     */
    public int cancel(Caller caller, String id, Scope scope) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        if (scope == Scope.OCCURRENCE) {
            mustBeActive(current);
            Booking cancelled = current.cancelled(clock.instant());
            bookings.cancel(current, cancelled, mails.cancelled(cancelled));
            return 1;
        }
        String seriesId = current.seriesId().orElseThrow(() ->
                ProblemException.badRequest("scope", "only an occurrence of a series has following occurrences or a series"));
        var series = bookings.series(seriesId).orElseThrow(() -> ProblemException.notFound("series", seriesId));
        java.util.List<Booking> toCancel = new java.util.ArrayList<>();
        for (String occurrence : series.bookingIds()) {
            bookings.byId(occurrence).filter(Booking::isActive)
                    .filter(o -> scope == Scope.SERIES || !o.start().isBefore(current.start()))
                    .ifPresent(toCancel::add);
        }
        if (toCancel.isEmpty()) {
            mustBeActive(current);
        }
        Instant now = clock.instant();
        java.util.List<Booking> cancelled = toCancel.stream().map(b -> b.cancelled(now)).toList();
        for (int i = 0; i < toCancel.size(); i++) {
            boolean last = i == toCancel.size() - 1;
            bookings.cancel(toCancel.get(i), cancelled.get(i), last ? mails.seriesCancelled(cancelled) : Optional.empty());
        }
        return toCancel.size();
    }

    static void mustBeActive(Booking b) {
        if (!b.isActive()) {
            throw ProblemException.conflict("booking-not-active", "Booking no longer active",
                    "booking " + b.id() + " is " + b.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
