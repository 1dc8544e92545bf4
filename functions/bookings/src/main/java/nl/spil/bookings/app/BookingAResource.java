package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Resource;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
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
    private final Outcomes outcomes;

    public BookingAResource(Resources resources, Bookings bookings, BookingMails mails, Ids ids, Clock clock,
                            Outcomes outcomes) {
        this.resources = resources;
        this.bookings = bookings;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public Response book(Caller caller, String resourceId, Booking.Wanted wanted, CreateRequest request,
                         Function<Booking, Response> answer) {
        Resource resource = bookable(resources, resourceId);
        Booking booking = Booking.book(ids.next(), resource, organiser(caller), wanted, Optional.empty(), clock.instant());
        Response response = bookings.book(booking, mails.confirmed(booking), request, answer);
        if (!response.replayed()) {
            outcomes.record(Outcome.BOOKING_MADE);
        }
        return response;
    }

    static Resource bookable(Resources resources, String resourceId) {
        return resources.byId(resourceId)
                .orElseThrow(() -> ProblemException.badRequest("resourceId", "is not a room or desk of this organisation"));
    }

    static Booking.Organiser organiser(Caller caller) {
        return new Booking.Organiser(caller.id(), caller.email().orElse(""));
    }
}
