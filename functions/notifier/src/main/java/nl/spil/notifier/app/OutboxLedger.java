package nl.spil.notifier.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.outbox.OutboxItem;

/**
 * The outbox table as the notifier delivers it (port): every state change is one conditional
 * write, so two invocations can never both hold the same item.
 *
 * <pre>
 * PENDING --claim--> SENDING(owner, leaseUntil, attempts+1) --markSent--> DONE (sent; bodies dropped; TTL)
 *                            |--release--> PENDING(nextAttemptAt)   (throttled / 5xx / account paused, not too old)
 *                            `--fail-----> FAILED(lastError; TTL)    (refused, or tried for longer than the policy's maxAge)
 * SENDING with leaseUntil &lt; now --claim--> SENDING(new owner)       (the crashed holder's item)
 * FAILED --retry--> PENDING(attempts 0)                               (office manager, see FailedOutbox)
 * </pre>
 */
public interface OutboxLedger {

    /** The result of a claim. */
    sealed interface Claim {
    }

    /**
     * The item is ours until the lease runs out; it has been tried since {@code triesSince} (when
     * it was enqueued, or last put back by the office manager).
     */
    record Claimed(OutboxItem item, Instant triesSince) implements Claim {
    }

    /** The item is ours but cannot be read as an outbox item. */
    record Unreadable(String reason) implements Claim {
    }

    /**
     * PENDING (due) or SENDING with an expired lease → SENDING owned by {@code owner}; with
     * {@code emailsPaused}, only an event is claimed.
     *
     * @return empty when the item is gone, delivered, failed, not due, leased by someone else, or
     *         an e-mail while e-mails are paused
     */
    Optional<Claim> claim(String pk, String owner, Instant now, Instant leaseUntil, boolean emailsPaused);

    /** SENDING(owner) → DONE, keeping no body, address or detail; expires at {@code expiresAt}. False when the lease was lost. */
    boolean markSent(String pk, String owner, Instant now, String deliveryId, Instant expiresAt);

    /** SENDING(owner) → PENDING, to be tried again at {@code nextAttemptAt}. False when the lease was lost. */
    boolean release(String pk, String owner, Instant now, Instant nextAttemptAt, String reason);

    /** SENDING(owner) → FAILED, expiring at {@code expiresAt}. False when the lease was lost. */
    boolean fail(String pk, String owner, Instant now, String reason, Instant expiresAt);

    /** A PENDING item due by {@code now} or a SENDING one whose lease ran out, as its pk. */
    record Due(String pk) {
    }

    /**
     * Items the sweep should re-drive: PENDING created before {@code pendingBefore} whose
     * nextAttemptAt (if any) has passed (events only, with {@code emailsPaused}), and SENDING
     * whose lease ran out; at most {@code max}. Reads the status index only (no Scan).
     */
    List<Due> due(Instant now, Instant pendingBefore, int max, boolean emailsPaused);
}
