package nl.spil.stock.app;

import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * A write whose condition failed because what it was decided on changed meanwhile: the caller
 * reads again and decides again. Escapes as a 409 only when the retries run out.
 */
public final class Retry extends ProblemException {

    public Retry() {
        super(Problem.of(409, "concurrent-change", "Changed at the same moment",
                "the stock changed while this request was handled; send it again"));
    }
}
