package nl.spil.platform.metrics;

/**
 * Where use cases report a business outcome (port). Called once per real outcome, after it is
 * written: never for a refusal, and never for an idempotent replay, which changed nothing.
 * Plain Java, so {@code app} classes may use it (the layering contract forbids AWS and Micronaut
 * there); {@link EmfOutcomes} is what the functions run.
 */
public interface Outcomes {

    /** {@code count} outcomes at once (a series' occurrences); nothing when it is 0 or less. */
    void record(Outcome outcome, int count);

    default void record(Outcome outcome) {
        record(outcome, 1);
    }
}
