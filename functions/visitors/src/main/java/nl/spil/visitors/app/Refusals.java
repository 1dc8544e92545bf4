package nl.spil.visitors.app;

import java.time.Duration;
import java.util.Map;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.Refusal;

/** Domain refusals as problems: a conflict 409, a broken rule 422, a visitor to send to the desk 422 of its own type. */
public final class Refusals {

    private Refusals() {
    }

    public static ProblemException of(Refusal.Refused refused) {
        Refusal r = refused.refusal();
        return switch (r.kind()) {
            case CONFLICT -> ProblemException.conflict(r.slug(), r.title(), r.detail());
            case RULE, NOT_ALLOWED -> ProblemException.unprocessable(r.slug(), r.title(), r.detail());
            case TOO_MANY -> new TooManyWrongCodes(Duration.ofMinutes(10));
        };
    }

    /** The kiosk must send the visitor to the desk: reception and the office manager were told. */
    public static ProblemException seeReception() {
        return ProblemException.unprocessable("visitor-see-reception", "Please see reception",
                "reception will help this visitor in person");
    }

    /** 10 wrong codes in 10 minutes at a site: 429, with how long to wait. */
    public static final class TooManyWrongCodes extends ProblemException {
        private final long retryAfterSeconds;

        public TooManyWrongCodes(Duration wait) {
            super(Problem.of(429, "too-many-wrong-codes", "Too many wrong codes",
                    "too many wrong check-in codes at this site; try again in " + Math.max(1, wait.toSeconds()) + " seconds"),
                    Map.of("retryAfter", Math.max(1, wait.toSeconds())));
            this.retryAfterSeconds = Math.max(1, wait.toSeconds());
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
