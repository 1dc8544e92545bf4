package nl.spil.bookings.domain;

import java.util.Optional;

/** Bookings start and end on a quarter hour: a slot is a resource's quarter hour, the unit that can be taken once. */
public record QuarterHours() {

    public static final String SLUG = "not-on-quarter-hours";

    public Optional<RuleBroken> check(BookingRequest r) {
        if (Slots.isQuarter(r.start()) && Slots.isQuarter(r.end())) {
            return Optional.empty();
        }
        return Optional.of(new RuleBroken(SLUG, "Not on a quarter hour",
                "bookings start and end on a quarter hour (such as 10:00, 10:15, 10:30, 10:45)"));
    }
}
