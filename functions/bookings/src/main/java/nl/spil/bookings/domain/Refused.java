package nl.spil.bookings.domain;

/** A {@link Refusal} on its way up: the API answers it as the problem of its kind (no stack trace: it is no error). */
public final class Refused extends RuntimeException {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.slug() + ": " + refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
