package nl.spil.visitors.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong check-in codes typed at one site: after {@link #LIMIT} within {@link #WINDOW} the kiosk
 * is refused (429) until the window that began with the first of them has passed.
 *
 * @param windowStart the first wrong code of the current window
 * @param count       wrong codes in it
 */
public record WrongCodes(Instant windowStart, int count) {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    public static WrongCodes none() {
        return new WrongCodes(Instant.EPOCH, 0);
    }

    /** After one more wrong code at {@code now}. */
    public WrongCodes plusOne(Instant now) {
        return inWindow(now) ? new WrongCodes(windowStart, count + 1) : new WrongCodes(now, 1);
    }

    public boolean inWindow(Instant now) {
        return now.isBefore(windowStart.plus(WINDOW));
    }

    /** How long the kiosk must wait, if it is locked out at {@code now}. */
    public Optional<Duration> lockedFor(Instant now) {
        if (count >= LIMIT && inWindow(now)) {
            long seconds = Math.max(1, Duration.between(now, windowStart.plus(WINDOW)).toSeconds());
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return Optional.empty();
    }
}
