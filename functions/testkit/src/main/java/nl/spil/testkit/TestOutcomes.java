package nl.spil.testkit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import nl.spil.platform.metrics.Outcomes;

/**
 * A function's business outcomes in its tests: counted in memory instead of written as EMF lines,
 * by every Micronaut context of the test JVM (the HTTP function and the schedule and event
 * handlers), so a test sees what its requests and ticks recorded.
 */
public final class TestOutcomes {

    public static final RecordedOutcomes RECORDED = new RecordedOutcomes();

    private TestOutcomes() {
    }

    /** Puts the recorder in the place of the platform's EMF writer. */
    @Factory
    static class Replacement {
        @Singleton
        @Replaces(Outcomes.class)
        Outcomes outcomes() {
            return RECORDED;
        }
    }
}
