package nl.spil.bookings.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import nl.spil.platform.time.Times;

/**
 * A wanted quarter hour of a resource is held by another booking ({@code holder} when the store
 * could tell which). Answered as a 409 {@code slot-taken} whose {@code conflict} names the slot.
 */
public record SlotTaken(String resourceId, String resourceName, ZoneId zone, Instant quarter, Optional<String> holder)
        implements Refusal {

    public static final String SLUG = "slot-taken";

    public static SlotTaken of(Booking wanted, Instant quarter, Optional<String> holder) {
        return new SlotTaken(wanted.resourceId(), wanted.resourceName(), wanted.zone(), quarter, holder);
    }

    public Instant quarterEnd() {
        return quarter.plus(Slots.QUARTER);
    }

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String title() {
        return "Already booked";
    }

    @Override
    public String detail() {
        return resourceName + " is already booked from " + Times.text(quarter, zone) + " to " + Times.text(quarterEnd(), zone);
    }
}
