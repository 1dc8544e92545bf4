package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceRemoved;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;

/** The organiser or reception checks a booking in within the resource's check-in window. */
@Singleton
public class CheckingIn {

    private final Resources resources;
    private final Bookings bookings;
    private final Clock clock;

    public CheckingIn(Resources resources, Bookings bookings, Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.clock = clock;
    }

    public Booking checkIn(Caller caller, String id) {
        Booking current = bookings.byId(id)
                // someone else's booking is not found, as a missing one: an answer must not tell that it exists
                .filter(b -> caller.has(Role.RECEPTION) || caller.mayActOnObjectOf(b.organiserId()))
                .orElseThrow(() -> ProblemException.notFound("booking", id))
                .requireActive();
        if (current.checkedInAt().isPresent()) {
            return current;
        }
        Resource resource = resources.byId(current.resourceId())
                .orElseThrow(() -> new Refused(new ResourceRemoved(current.resourceId())));
        Instant now = clock.instant();
        resource.rules().checkIn().check(current.start(), now).ifPresent(rule -> {
            throw rule.refused();
        });
        Booking checkedIn = current.checkedIn(now);
        bookings.checkIn(current, checkedIn);
        return checkedIn;
    }
}
