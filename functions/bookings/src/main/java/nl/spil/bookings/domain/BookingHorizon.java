package nl.spil.bookings.domain;

import java.time.Duration;
import java.util.Optional;

/** How far ahead a resource can be booked: the start lies at most {@code ahead} after now. */
public record BookingHorizon(Duration ahead) {

    public static final String SLUG = "booking-too-far-ahead";

    public BookingHorizon {
        if (ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive");
        }
    }

    public Optional<RuleBroken> check(BookingRequest r) {
        if (!r.start().isAfter(r.now().plus(ahead))) {
            return Optional.empty();
        }
        return Optional.of(new RuleBroken(SLUG, "Too far ahead",
                "this resource can be booked at most " + ahead.toDays() + " days ahead"));
    }
}
