package nl.spil.platform.retry;

import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * A write whose condition failed because what it was decided on changed meanwhile: the use case
 * reads again and decides again ({@link Retrying}). Escapes as a 409 only when the tries run out.
 */
public final class ConcurrentChange extends ProblemException {

    public ConcurrentChange() {
        super(Problem.of(409, "concurrent-change", "Changed at the same moment",
                "what this request changes was changed by another one at the same moment; send it again"));
    }
}
