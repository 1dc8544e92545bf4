package nl.spil.budget.domain;

/**
 * A budget rule that refused a request: a stable slug (the problem type), a title and a detail a
 * person can act on. The API answers it as a 422 of type {@code slug}.
 */
public record Refusal(String slug, String title, String detail) {

    /** Thrown by the domain when a rule is broken. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        public Refused(Refusal refusal) {
            super(refusal.slug() + ": " + refusal.detail(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    static Refused refused(String slug, String title, String detail) {
        return new Refused(new Refusal(slug, title, detail));
    }
}
