package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingRequest;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.RuleBroken;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;

/**
 * Someone books a room or desk: the resource's rules are checked, then the booking, its slots,
 * its no-show deadline and the invitation e-mail are written in one conditional transaction.
 * Requests: 1 GetItem (resource) + 1 GetItem (organiser's language) + 1 TransactWriteItems.
 */
@Singleton
public class BookingAResource {

    private final Resources resources;
    private final Bookings bookings;
    private final BookingMails mails;
    private final Ids ids;
    private final Clock clock;

    public BookingAResource(Resources resources, Bookings bookings, BookingMails mails, Ids ids, Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the organiser asks for. */
    public record Wanted(String resourceId, Instant start, Instant end, String title, Optional<String> notes) {
    }

    public Response book(Caller caller, Wanted wanted, CreateRequest request, Function<Booking, Response> answer) {
        Resource resource = resources.byId(wanted.resourceId())
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
        Instant now = clock.instant();
        check(resource, wanted.start(), wanted.end(), now);
        Booking booking = new Booking(ids.next(), resource.id(), resource.name(), resource.siteId(), resource.zone(),
                caller.id(), caller.email().orElse(""), wanted.title(), wanted.start(), wanted.end(),
                resource.rules().checkIn().closesAt(wanted.start()), Booking.Status.BOOKED, Optional.empty(), wanted.notes(), Optional.empty(), 0, 1, now, now);
        return bookings.book(booking, mails.confirmed(booking), request, answer);
    }

    static void check(Resource resource, Instant start, Instant end, Instant now) {
        try {
            resource.rules().check(new BookingRequest(start, end, resource.zone(), now));
        } catch (RuleBroken.Refused refused) {
            throw Refusals.of(refused.rule());
        }
    }
}
