package nl.spil.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus a settable offset, to play "later" (sweeps, expired leases and backoffs). */
final class MutableClock extends Clock {

    private volatile Duration offset;

    MutableClock(Duration offset) {
        this.offset = offset;
    }

    void advance(Duration by) {
        offset = offset.plus(by);
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
        return Instant.now().plus(offset);
    }
}
