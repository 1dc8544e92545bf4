package nl.spil.budget.domain;

import java.util.Optional;

/**
 * A booking that took a category across a threshold. When one booking crosses both 80 % and
 * 100 %, people are told once, about the higher one; both counters move on.
 */
public record Crossing(Threshold threshold, int generation, Usage usage, int asOfMonth) {

    /** What a booking did to the thresholds: the crossing to tell (if any) and the counters after it. */
    public record Outcome(Optional<Crossing> crossing, Generations generations) {
    }

    public static Outcome between(Usage before, Usage after, Generations generations, int asOfMonth) {
        Generations next = generations;
        Optional<Crossing> told = Optional.empty();
        for (Threshold t : Threshold.values()) {
            if (!before.reached(t) && after.reached(t)) {
                next = next.next(t);
                told = Optional.of(new Crossing(t, next.of(t), after, asOfMonth));
            }
        }
        return new Outcome(told, next);
    }
}
