package nl.spil.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves, in UTC. Standing at an instant ({@link #SettableClock(Instant)}): a
 * function's clock in tests, so the HTTP function and the schedule and event handlers of one
 * module see the same "now" (each module puts its own, with a start that suits its scenarios, in
 * the place of the platform's clock: its {@code TestClock}). Or running ({@link #aheadOfSystem}):
 * the system clock plus an offset, to play "later" (sweeps, expired leases, backoffs).
 */
public final class SettableClock extends Clock {

    private final Instant start;
    private volatile Instant standing;
    private volatile Duration ahead = Duration.ZERO;

    /** A clock standing at {@code start} until set or advanced. */
    public SettableClock(Instant start) {
        this.start = start;
        this.standing = start;
    }

    /** The system clock plus {@code offset}, running. */
    public static SettableClock aheadOfSystem(Duration offset) {
        SettableClock clock = new SettableClock(null);
        clock.ahead = offset;
        return clock;
    }

    /** Stands at {@code instant} from now on. */
    public void set(Instant instant) {
        standing = instant;
        ahead = Duration.ZERO;
    }

    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Back to where it was made. */
    public void reset() {
        standing = start;
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = standing;
        return (at == null ? Instant.now() : at).plus(ahead);
    }
}
