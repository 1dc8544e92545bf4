package nl.spil.bookings.domain;

import java.time.Duration;
import java.util.Optional;

/** A booking lasts at most this long (and at most {@link #LIMIT}, so one booking stays one transaction). */
public record MaxDuration(Duration max) {

    public static final String SLUG = "booking-too-long";
    /** 10 hours = 40 slots: with a reschedule's old and new slots a transaction stays under 100 items. */
    public static final Duration LIMIT = Duration.ofHours(10);

    public MaxDuration {
        if (max.isNegative() || max.isZero() || max.compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("max duration must be between 0 and " + LIMIT);
        }
    }

    public Optional<RuleBroken> check(BookingRequest r) {
        Duration wanted = Duration.between(r.start(), r.end());
        if (wanted.compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new RuleBroken(SLUG, "Booking too long",
                "this resource can be booked for at most " + minutes(max) + ", not " + minutes(wanted)));
    }

    static String minutes(Duration d) {
        return d.toMinutes() + " minutes";
    }
}
