package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.Series;
import nl.spil.bookings.domain.Skipped;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;

/**
 * The organiser (or the office manager) reschedules, moves, renames or changes the notes of a
 * booking, or of an occurrence and the following ones of a series. A reschedule is checked
 * exactly like a new booking: the rules, then one conditional transaction that frees the slots
 * left and takes the new ones.
 */
@Singleton
public class ChangingABooking {

    /** Which occurrences of a series a change or cancel takes. */
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

    /** What changes; empty fields stay as they are. */
    public record Change(long version, Optional<String> resourceId, Optional<Instant> start, Optional<Instant> end,
                         Optional<String> title, Optional<Optional<String>> notes) {
    }

    /** What a change of several occurrences did; times in the site's zone. */
    public record SeriesChange(List<Booking> changed, List<Skipped> skipped, ZoneId zone) {
    }

    private final Resources resources;
    private final Bookings bookings;
    private final RecurringSeries allSeries;
    private final BookingMails mails;
    private final Clock clock;

    public ChangingABooking(Resources resources, Bookings bookings, RecurringSeries allSeries, BookingMails mails,
                            Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.allSeries = allSeries;
        this.mails = mails;
        this.clock = clock;
    }

    public Booking change(Caller caller, String id, Change change) {
        Booking current = LookingAtBookings.owned(bookings, caller, id).atVersion(change.version()).requireActive();
        Resource resource = BookingAResource.bookable(resources, change.resourceId().orElse(current.resourceId()));
        Instant start = change.start().orElse(current.start());
        Instant end = change.end().orElse(current.end());
        mustEndAfterStart(start, end);
        Booking changed = current.changedTo(resource, start, end, change.title().orElse(current.title()),
                change.notes().orElse(current.notes()), clock.instant());
        bookings.reschedule(current, changed, mails.changed(changed));
        return changed;
    }

    /**
     * Changes this occurrence and the following ones (or every active one of the series): the
     * new title and notes apply to each, and a new time moves each by the same local wall-clock
     * shift (so a 10:00 meeting moved to 11:00 is at 11:00 local on both sides of a DST change).
     * Each occurrence is checked and rescheduled like a single booking; one that cannot be moved
     * keeps its time and is reported.
     */
    public SeriesChange changeSeries(Caller caller, String id, Change change, Scope scope) {
        Booking current = LookingAtBookings.owned(bookings, caller, id).atVersion(change.version()).requireActive();
        Series series = seriesOf(allSeries, current);
        Instant newStart = change.start().orElse(current.start());
        Instant newEnd = change.end().orElse(current.end());
        mustEndAfterStart(newStart, newEnd);
        ZoneId zone = current.zone();
        Duration shift = Duration.between(current.start().atZone(zone).toLocalDateTime(), newStart.atZone(zone).toLocalDateTime());
        Duration length = Duration.between(newStart, newEnd);
        Resource resource = BookingAResource.bookable(resources, change.resourceId().orElse(current.resourceId()));
        Instant now = clock.instant();
        List<Booking> changed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Booking o : occurrences(bookings, series, current, scope)) {
            Instant start = o.start().atZone(zone).toLocalDateTime().plus(shift).atZone(zone).toInstant();
            Instant end = start.plus(length);
            try {
                Booking moved = o.changedTo(resource, start, end, change.title().orElse(o.title()),
                        change.notes().orElse(o.notes()), now);
                bookings.reschedule(o, moved, mails.changed(moved));
                changed.add(moved);
            } catch (Refused refused) {
                skipped.add(new Skipped(start, end, refused.refusal()));
            }
        }
        return new SeriesChange(changed, skipped, zone);
    }

    /** The series of an occurrence; 400 naming {@code scope} for a booking that is none. */
    static Series seriesOf(RecurringSeries allSeries, Booking occurrence) {
        String seriesId = occurrence.seriesId().orElseThrow(() ->
                ProblemException.badRequest("scope", "only an occurrence of a series has following occurrences or a series"));
        return allSeries.byId(seriesId).orElseThrow(() -> ProblemException.notFound("series", seriesId));
    }

    /** The active occurrences a scope takes: from {@code addressed} on, or all. */
    static List<Booking> occurrences(Bookings bookings, Series series, Booking addressed, Scope scope) {
        List<Booking> out = new ArrayList<>();
        for (String occurrence : series.bookingIds()) {
            bookings.byId(occurrence).filter(Booking::isActive)
                    .filter(o -> scope == Scope.SERIES || !o.start().isBefore(addressed.start()))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static void mustEndAfterStart(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("end", "must be after start");
        }
    }
}
