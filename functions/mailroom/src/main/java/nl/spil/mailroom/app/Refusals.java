package nl.spil.mailroom.app;

import java.util.List;
import nl.spil.mailroom.domain.Refusal;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/** A mailroom refusal as its problem: 409 for a conflict with the item's state, 422 for a rule. */
public final class Refusals {

    private Refusals() {
    }

    /** A 422 naming the fields that refer to what does not exist. */
    public static ProblemException unprocessable(String slug, String title, List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields refer to what does not exist";
        return new ProblemException(Problem.of(422, slug, title, detail).withErrors(errors));
    }

    public static ProblemException of(Refusal refusal) {
        return refusal.kind() == Refusal.Kind.CONFLICT
                ? ProblemException.conflict(refusal.slug(), refusal.title(), refusal.detail())
                : ProblemException.unprocessable(refusal.slug(), refusal.title(), refusal.detail());
    }
}
