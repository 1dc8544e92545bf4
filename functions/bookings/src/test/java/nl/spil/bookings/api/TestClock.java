package nl.spil.bookings.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The function's clock in tests: set by the test, shared by the HTTP and the schedule handler. */
public final class TestClock extends Clock {

    /** Monday 22 March 2027, 09:00 in Amsterdam: the week before the spring DST change. */
    static final Instant DEFAULT = Instant.parse("2027-03-22T08:00:00Z");
    static final TestClock INSTANCE = new TestClock();
    private volatile Instant now = DEFAULT;

    void set(Instant instant) {
        now = instant;
    }

    void reset() {
        now = DEFAULT;
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
        return now;
    }

    /** Puts this clock in the place of the platform's system clock. */
    @Factory
    static class Replacement {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return INSTANCE;
        }
    }
}
