package nl.spil.mailroom.domain;

/**
 * A mailroom rule that refused a request: a conflict with the item's state (409) or a broken
 * rule (422), with a stable slug (the problem type), a title and a detail a person can act on.
 */
public record Refusal(Kind kind, String slug, String title, String detail) {

    public enum Kind { CONFLICT, RULE }

    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(Kind.CONFLICT, slug, title, detail);
    }

    public static Refusal rule(String slug, String title, String detail) {
        return new Refusal(Kind.RULE, slug, title, detail);
    }

    /** Thrown by the domain; the API answers it as its 409 or 422 problem. */
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

    public Refused refused() {
        return new Refused(this);
    }
}
