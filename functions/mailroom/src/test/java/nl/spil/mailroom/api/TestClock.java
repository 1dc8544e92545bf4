package nl.spil.mailroom.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.testkit.SettableClock;

/** The function's clock in tests: set by the test, shared by the HTTP function and the schedule handlers. */
public final class TestClock {

    /** Monday 22 March 2027, 10:00 in Amsterdam. */
    public static final Instant DEFAULT = Instant.parse("2027-03-22T09:00:00Z");
    public static final SettableClock INSTANCE = new SettableClock(DEFAULT);

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
