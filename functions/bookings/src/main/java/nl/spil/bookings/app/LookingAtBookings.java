package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * My bookings, one booking, a resource's agenda, and the office manager's day overview. Someone
 * else's booking is answered as a missing one (404), so an answer never tells that it exists.
 */
@Singleton
public class LookingAtBookings {

    /** A list covers at most this span, so a page is never the whole history. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    private final Bookings bookings;

    public LookingAtBookings(Bookings bookings) {
        this.bookings = bookings;
    }

    public Booking byId(Caller caller, String id) {
        return owned(bookings, caller, id);
    }

    public Page<Booking> mine(Caller caller, Instant from, Instant to, PageRequest page) {
        span(from, to);
        return bookings.ofOrganiser(caller.id(), from, to, page);
    }

    /**
     * A resource's bookings starting in [from, to). The API shows them to staff as busy times
     * only; the office manager lists them whole.
     */
    public Page<Booking> agenda(String resourceId, Instant from, Instant to, PageRequest page) {
        span(from, to);
        return bookings.ofResource(resourceId, from, to, page);
    }

    /** Active bookings of one site day, with their preparation notes (the office manager's). */
    public List<DayEntry> day(String siteId, LocalDate day) {
        return bookings.dayEntries(siteId, day, Instant.MAX);
    }

    /** The caller's booking (any, for the office manager); 404 for a missing one and for someone else's. */
    static Booking owned(Bookings bookings, Caller caller, String id) {
        return bookings.byId(id).filter(b -> caller.mayActOnObjectOf(b.organiserId()))
                .orElseThrow(() -> ProblemException.notFound("booking", id));
    }

    private static void span(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.badRequest("to", "a list spans at most 366 days");
        }
    }
}
