package nl.spil.visitors.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.testkit.SettableClock;

/** The function's clock in tests: set by the test, shared by the HTTP and the schedule handler. */
public final class TestClock {

    /** Monday 29 March 2027, 08:00 in Amsterdam (UTC+2 since the day before). */
    static final Instant DEFAULT = Instant.parse("2027-03-29T06:00:00Z");
    static final SettableClock INSTANCE = new SettableClock(DEFAULT);

    private TestClock() {
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
