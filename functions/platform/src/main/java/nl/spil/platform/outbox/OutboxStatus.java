package nl.spil.platform.outbox;

/** Where an outbox item is in its life. New items are {@link #PENDING}. */
public enum OutboxStatus {
    /** Waiting to be delivered (or to be retried). */
    PENDING,
    /**
     * Claimed by one notifier invocation, which holds a lease ({@code leaseOwner},
     * {@code leaseUntil}) while it sends; an expired lease is re-driven by the sweep.
     */
    SENDING,
    /** Delivered (sent): the e-mail was accepted by SES or the event by EventBridge. */
    DONE,
    /** Gave up after the last attempt; listed for the office manager, who can retry it. */
    FAILED;

    /** The GSI partition key of items in this status: {@code STATUS#PENDING}. */
    public String gsiKey() {
        return "STATUS#" + name();
    }
}
