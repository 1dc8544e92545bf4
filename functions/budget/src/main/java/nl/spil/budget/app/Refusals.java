package nl.spil.budget.app;

import nl.spil.budget.domain.Refusal;
import nl.spil.platform.problem.ProblemException;

/** A broken budget rule as the problem of its own type: 409 when the state forbids it, else 422. */
public final class Refusals {

    private Refusals() {
    }

    public static ProblemException of(Refusal refusal) {
        if (refusal.slug().equals("already-reversed")) {
            return ProblemException.conflict(refusal.slug(), refusal.title(), refusal.detail());
        }
        return ProblemException.unprocessable(refusal.slug(), refusal.title(), refusal.detail());
    }
}
