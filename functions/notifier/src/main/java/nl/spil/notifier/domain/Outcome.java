package nl.spil.notifier.domain;

/** What one call to SES or EventBridge came to. */
public sealed interface Outcome {

    /** Accepted; {@code deliveryId} is SES's message id or EventBridge's event id. */
    record Sent(String deliveryId) implements Outcome {
    }

    /** Throttled, a 5xx, a network error: worth trying again later. */
    record Transient(String reason) implements Outcome {
    }

    /**
     * The account cannot send at all for now (SES sending paused or the account suspended, a
     * daily quota spent): no e-mail can go, so the notifier stops claiming e-mails for a while
     * instead of failing them one by one.
     */
    record AccountPaused(String reason) implements Outcome {
    }

    /** Refused for good (rejected message, unverified address, malformed recipient): never retried. */
    record Permanent(String reason) implements Outcome {
    }
}
