package nl.spil.bookings.app;

import nl.spil.bookings.domain.RuleBroken;
import nl.spil.platform.problem.ProblemException;

/** A broken booking rule as the 422 problem of its own type. */
public final class Refusals {

    private Refusals() {
    }

    public static ProblemException of(RuleBroken rule) {
        return ProblemException.unprocessable(rule.slug(), rule.title(), rule.detail());
    }
}
