package nl.spil.bookings.domain;

/**
 * A booking rule that refused a request: a stable slug (the problem type), a title and a
 * detail a person can act on.
 */
public record RuleBroken(String slug, String title, String detail) {

    /** Thrown by {@link BookingRules#check}; the API answers it as a 422 of type {@code slug}. */
    public static final class Refused extends RuntimeException {
        private final RuleBroken rule;

        public Refused(RuleBroken rule) {
            super(rule.slug() + ": " + rule.detail(), null, false, false);
            this.rule = rule;
        }

        public RuleBroken rule() {
            return rule;
        }
    }
}
