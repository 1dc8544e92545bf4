package nl.spil.stock.app;

import java.util.function.Supplier;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.domain.Refused;

/** A stock rule the request broke, as the problem of its own type: 409 for the order's state, 422 for the request. */
public final class Refusals {

    private Refusals() {
    }

    /** Runs a domain decision; a refusal becomes its problem. */
    public static <T> T guard(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (Refused refused) {
            throw of(refused);
        }
    }

    public static ProblemException of(Refused refused) {
        String detail = refused.detail();
        return switch (refused.why()) {
            case NOT_A_DRAFT -> ProblemException.conflict("order-not-draft", "Not a draft", detail);
            case NOT_RECEIVABLE -> ProblemException.conflict("order-not-sent", "Not receivable", detail);
            case ORDER_CLOSED -> ProblemException.conflict("order-closed", "Order closed", detail);
            case NOT_OUTSTANDING -> ProblemException.unprocessable("too-much-received", "More than ordered", detail);
            case NOTHING_TO_RECEIVE -> ProblemException.unprocessable("nothing-to-receive", "Nothing to receive", detail);
            case NO_COST_CENTRE -> ProblemException.unprocessable("no-cost-centre", "No cost centre", detail);
        };
    }
}
