package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** What a change of several occurrences did. */
    public record SeriesChange(List<Booking> changed, List<BookingASeries.Skipped> skipped) {
    }

    /**
     * Changes this occurrence and the following ones (or every active one of the series): the
     * new title and notes apply to each, and a new time moves each by the same local wall-clock
     * shift (so a 10:00 meeting moved to 11:00 is at 11:00 local on both sides of a DST change).
     * Each occurrence is checked and rescheduled like a single booking; one that cannot be moved
     * keeps its time and is reported.
     */
    public SeriesChange changeSeries(Caller caller, String id, Change change, Scope scope) {
        Booking current = LookingAtBookings.owned(bookings, caller, id);
        if (current.version() != change.version()) {
            throw ProblemException.stale("booking " + id + " is at version " + current.version() + ", not " + change.version());
        }
        mustBeActive(current);
        String seriesId = current.seriesId().orElseThrow(() ->
                ProblemException.badRequest("scope", "only an occurrence of a series has following occurrences or a series"));
        var series = bookings.series(seriesId).orElseThrow(() -> ProblemException.notFound("series", seriesId));
        Instant newStart = change.start().orElse(current.start());
        Instant newEnd = change.end().orElse(current.end());
        if (!newStart.isBefore(newEnd)) {
            throw ProblemException.badRequest("end", "must be after start");
        }
        java.time.ZoneId zone = current.zone();
        java.time.Duration shift = java.time.Duration.between(current.start().atZone(zone).toLocalDateTime(),
                newStart.atZone(zone).toLocalDateTime());
        java.time.Duration length = java.time.Duration.between(newStart, newEnd);
        String resourceId = change.resourceId().orElse(current.resourceId());
        Resource resource = resources.byId(resourceId)
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
        Instant now = clock.instant();
        List<Booking> changed = new ArrayList<>();
        List<BookingASeries.Skipped> skipped = new ArrayList<>();
        for (String occurrenceId : series.bookingIds()) {
            Optional<Booking> found = bookings.byId(occurrenceId).filter(Booking::isActive)
                    .filter(o -> scope == Scope.SERIES || !o.start().isBefore(current.start()));
            if (found.isEmpty()) {
                continue;
            }
            Booking o = found.get();
            Instant start = o.start().atZone(zone).toLocalDateTime().plus(shift).atZone(zone).toInstant();
            Instant end = start.plus(length);
            try {
                if (!start.equals(o.start()) || !end.equals(o.end()) || !resourceId.equals(o.resourceId())) {
                    BookingAResource.check(resource, start, end, now);
                }
                Booking moved = o.rescheduled(resource, start, end, change.title().orElse(o.title()),
                        change.notes().orElse(o.notes()), now);
                bookings.reschedule(o, moved, mails.changed(moved));
                changed.add(moved);
            } catch (ProblemException e) {
                @SuppressWarnings("unchecked")
                Map<String, Object> conflict = (Map<String, Object>) e.extensions().getOrDefault("conflict", Map.of());
                skipped.add(new BookingASeries.Skipped(start, end, e.problem().type().substring(
                        nl.spil.platform.problem.Problem.BASE.length()), e.problem().detail(), conflict));
            }
        }
        return new SeriesChange(changed, skipped);
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
