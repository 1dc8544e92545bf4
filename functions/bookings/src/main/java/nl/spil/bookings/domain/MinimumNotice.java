package nl.spil.bookings.domain;

import java.time.Duration;
import java.util.Optional;

/** A booking starts at least {@code notice} after now (zero: anything not in the past). */
public record MinimumNotice(Duration notice) {

    public static final String SLUG = "booking-too-soon";

    public MinimumNotice {
        if (notice.isNegative()) {
            throw new IllegalArgumentException("notice cannot be negative");
        }
    }

    public Optional<RuleBroken> check(BookingRequest r) {
        if (!r.start().isBefore(r.now().plus(notice))) {
            return Optional.empty();
        }
        String detail = notice.isZero() ? "a booking cannot start in the past"
                : "this resource must be booked at least " + notice.toMinutes() + " minutes before it starts";
        return Optional.of(new RuleBroken(SLUG, "Too short notice", detail));
    }
}
