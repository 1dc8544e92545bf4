package nl.spil.bookings.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/**
 * Where bookings are kept (port). Every change is one conditional transaction that takes or
 * frees the booking's slots, so two bookings can never hold the same quarter hour of a
 * resource; a taken slot is refused as {@code SlotTaken} naming it, a change of a booking
 * changed meanwhile as {@code ChangedMeanwhile}. E-mails ride in the same transaction (outbox).
 */
public interface Bookings {

    Optional<Booking> byId(String id);

    /** Books, with an optional e-mail; a replay answers the booking as it is now (410 when it is gone). */
    Response book(Booking booking, Optional<EmailMessage> mail, CreateRequest request,
                  Function<Booking, Response> answer);

    /** How booking one occurrence of a series went. */
    enum Occurrence { BOOKED, ALREADY_BOOKED }

    /**
     * Books one occurrence of a series without an e-mail (the series sends one for all).
     * ALREADY_BOOKED when a booking with this id exists: a retried series.
     *
     * @throws Refused SlotTaken naming the slot
     */
    Occurrence bookOccurrence(Booking booking);

    /** For each booking, the first of its slots that is taken by another booking, if any (read, not locked). */
    List<Optional<Instant>> firstTaken(List<Booking> bookings);

    /**
     * Moves a booking (other times, resource or title): frees the slots it leaves and takes the new ones.
     *
     * @throws Refused SlotTaken or ChangedMeanwhile
     */
    void reschedule(Booking current, Booking changed, Optional<EmailMessage> mail);

    /** @throws Refused ChangedMeanwhile */
    void cancel(Booking current, Booking cancelled, Optional<EmailMessage> mail);

    /** @throws Refused ChangedMeanwhile */
    void checkIn(Booking current, Booking checkedIn);

    /**
     * Releases a no-show; false when it was checked in, cancelled or released meanwhile. A series
     * occurrence also counts one more missed occurrence on its series, in the same transaction.
     */
    boolean release(Booking current, Booking released, Optional<EmailMessage> mail);

    /**
     * Writes a pseudonymised booking that keeps its slots (a past one): the booking and, while it
     * is active, its day entry.
     *
     * @throws Refused ChangedMeanwhile
     */
    void forget(Booking current, Booking forgotten);

    /** One page of an organiser's bookings starting in [from, to); the cursor is bound to all three. */
    Page<Booking> ofOrganiser(String organiserId, Instant from, Instant to, PageRequest page);

    /** One page of a resource's bookings starting in [from, to); the cursor is bound to all three. */
    Page<Booking> ofResource(String resourceId, Instant from, Instant to, PageRequest page);

    /** Every booking an organiser ever made that is still kept (every page). */
    List<Booking> allOfOrganiser(String organiserId);

    /** The active bookings of a site day that start before {@code until} (every page). */
    List<DayEntry> dayEntries(String siteId, LocalDate day, Instant until);

    /** Ids of active bookings whose check-in window closed at or before {@code tick} and that nobody checked in. */
    List<String> dueForRelease(Instant tick);
}
