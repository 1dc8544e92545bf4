package nl.spil.budget.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.testkit.SettableClock;

/** The function's clock in tests: set by a test, shared by the HTTP, event and schedule handlers. */
public final class TestClock {

    /** Saturday 10 April 2027, 10:00 in Amsterdam. */
    public static final Instant DEFAULT = Instant.parse("2027-04-10T08:00:00Z");
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
