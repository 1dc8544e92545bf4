package nl.spil.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the organiser (or reception) can check in: from {@code before} ahead of the start until
 * {@code after} past it. A booking not checked in when the window closes is a no-show and is
 * released.
 */
public record CheckInWindow(Duration before, Duration after) {

    public static final String SLUG = "check-in-window-closed";
    public static final CheckInWindow DEFAULT = new CheckInWindow(Duration.ofMinutes(15), Duration.ofMinutes(15));

    public CheckInWindow {
        if (before.isNegative() || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("the check-in window must be open after the start");
        }
    }

    public Instant opensAt(Instant start) {
        return start.minus(before);
    }

    /** The moment a booking not checked in becomes a no-show. */
    public Instant closesAt(Instant start) {
        return start.plus(after);
    }

    public Optional<RuleBroken> check(Instant start, Instant now) {
        if (now.isBefore(opensAt(start))) {
            return Optional.of(new RuleBroken(SLUG, "Check-in not open yet",
                    "check-in opens " + before.toMinutes() + " minutes before the start"));
        }
        if (!now.isBefore(closesAt(start))) {
            return Optional.of(new RuleBroken(SLUG, "Check-in closed",
                    "check-in closed " + after.toMinutes() + " minutes after the start"));
        }
        return Optional.empty();
    }
}
