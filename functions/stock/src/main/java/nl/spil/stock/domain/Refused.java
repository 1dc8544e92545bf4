package nl.spil.stock.domain;

/**
 * The stock domain's refusal of a request that breaks one of its rules: why, as a stable
 * reason, and a sentence a person can act on. The use cases answer each reason with its own
 * problem type.
 */
public final class Refused extends RuntimeException {

    /** The rules a request can break. */
    public enum Why {
        /** Only a draft can be sent. */
        NOT_A_DRAFT,
        /** Only a sent (or partly received) order can be received. */
        NOT_RECEIVABLE,
        /** A received or cancelled order stays as it is. */
        ORDER_CLOSED,
        /** A delivery of more than is outstanding, or of an item not on the order. */
        NOT_OUTSTANDING,
        /** A delivery that brings nothing. */
        NOTHING_TO_RECEIVE,
        /** An order with no cost centre, at a site without a default one. */
        NO_COST_CENTRE
    }

    private final Why why;

    public Refused(Why why, String detail) {
        super(detail, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    public String detail() {
        return getMessage();
    }
}
