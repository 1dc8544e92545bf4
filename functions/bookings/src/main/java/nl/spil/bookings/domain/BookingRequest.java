package nl.spil.bookings.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** What a rule looks at: the wanted time, in the resource's site zone, and now. */
public record BookingRequest(Instant start, Instant end, ZoneId zone, Instant now) {

    public BookingRequest {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a booking ends after it starts");
        }
    }

    public ZonedDateTime localStart() {
        return start.atZone(zone);
    }

    public ZonedDateTime localEnd() {
        return end.atZone(zone);
    }
}
