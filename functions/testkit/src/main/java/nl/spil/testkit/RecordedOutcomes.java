package nl.spil.testkit;

import java.util.EnumMap;
import java.util.Map;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;

/**
 * The business outcomes a function recorded, kept in memory for its tests ({@link TestOutcomes}
 * puts one in the place of the platform's EMF writer). The tests of one module share it, so a test
 * counts from a {@link #mark()}: what was recorded since.
 */
public final class RecordedOutcomes implements Outcomes {

    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);

    @Override
    public synchronized void record(Outcome outcome, int count) {
        if (count > 0) {
            counts.merge(outcome, (long) count, Long::sum);
        }
    }

    /** Everything recorded from now on, as {@link Mark#since()} tells. */
    public synchronized Mark mark() {
        return new Mark(new EnumMap<>(counts));
    }

    /** What was recorded at one moment. */
    public final class Mark {
        private final Map<Outcome, Long> then;

        private Mark(Map<Outcome, Long> then) {
            this.then = then;
        }

        /** Outcome → how many were recorded since the mark (outcomes not recorded are absent). */
        public Map<Outcome, Long> since() {
            synchronized (RecordedOutcomes.this) {
                Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
                counts.forEach((o, n) -> {
                    long more = n - then.getOrDefault(o, 0L);
                    if (more != 0) {
                        out.put(o, more);
                    }
                });
                return out;
            }
        }
    }
}
