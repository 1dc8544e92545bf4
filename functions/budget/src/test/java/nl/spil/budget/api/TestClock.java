package nl.spil.budget.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The function's clock in tests: set by a test, shared by the HTTP, event and schedule handlers. */
public final class TestClock extends Clock {

    /** Saturday 10 April 2027, 10:00 in Amsterdam. */
    public static final Instant DEFAULT = Instant.parse("2027-04-10T08:00:00Z");
    public static final TestClock INSTANCE = new TestClock();
    private volatile Instant now = DEFAULT;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
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
