package nl.spil.bookings.domain;

/**
 * A booking rule that refused a request: a stable slug (the problem type), a title and a
 * detail a person can act on. Answered as a 422 of type {@code slug}.
 */
public record RuleBroken(String slug, String title, String detail) implements Refusal {

    /** Refuses with this rule. */
    public Refused refused() {
        return new Refused(this);
    }
}
