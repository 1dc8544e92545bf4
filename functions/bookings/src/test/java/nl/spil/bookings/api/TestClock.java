package nl.spil.bookings.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import nl.spil.testkit.SettableClock;

/** The function's clock in tests: set by the test, shared by the HTTP and the schedule handler. */
public final class TestClock {

    /** Monday 22 March 2027, 09:00 in Amsterdam: the week before the spring DST change. */
    static final Instant DEFAULT = Instant.parse("2027-03-22T08:00:00Z");
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
