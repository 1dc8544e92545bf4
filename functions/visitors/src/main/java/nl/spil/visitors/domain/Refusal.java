package nl.spil.visitors.domain;

/**
 * A rule of the visitors domain that refused a request: what kind of refusal it is (the HTTP
 * status follows from it), a stable slug (the problem type), a title and a detail a person can
 * act on. Thrown as {@link Refused}.
 */
public record Refusal(Kind kind, String slug, String title, String detail) {

    public enum Kind { CONFLICT, RULE, NOT_ALLOWED, TOO_MANY }

    public Refused refused() {
        return new Refused(this);
    }

    /** The refusal as an exception, so a transition can stop a use case. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        public Refused(Refusal refusal) {
            super(refusal.slug(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public static Refused conflict(String slug, String title, String detail) {
        return new Refusal(Kind.CONFLICT, slug, title, detail).refused();
    }

    public static Refused rule(String slug, String title, String detail) {
        return new Refusal(Kind.RULE, slug, title, detail).refused();
    }
}
