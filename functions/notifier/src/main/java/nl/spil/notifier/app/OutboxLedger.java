package nl.spil.notifier.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.outbox.OutboxItem;

/**
 * The outbox table as the notifier uses it: every state change is one conditional write, so two
 * invocations can never both hold the same item.
 *
 * <pre>
 * PENDING --claim--> SENDING(owner, leaseUntil, attempts+1) --markSent--> DONE (sent; TTL set)
 *                            |--release--> PENDING(nextAttemptAt)   (throttled / 5xx, tries left)
 *                            `--fail-----> FAILED(lastError)         (refused, or no tries left)
 * SENDING with leaseUntil &lt; now --claim--> SENDING(new owner)       (the crashed holder's item)
 * FAILED --retry--> PENDING(attempts 0)                               (office manager)
 * </pre>
 */
public interface OutboxLedger {

    /** The result of a claim. */
    sealed interface Claim {
    }

    /** The item is ours until {@code leaseUntil}. */
    record Claimed(OutboxItem item) implements Claim {
    }

    /** The item is ours but cannot be read as an outbox item. */
    record Unreadable(String reason) implements Claim {
    }

    /**
     * PENDING (due) or SENDING with an expired lease → SENDING owned by {@code owner}.
     *
     * @return empty when the item is gone, delivered, failed, not due, or leased by someone else
     */
    Optional<Claim> claim(String pk, String owner, Instant now, Instant leaseUntil);

    /** SENDING(owner) → DONE. False when the lease was lost meanwhile. */
    boolean markSent(String pk, String owner, Instant now, String deliveryId, Instant expiresAt);

    /** SENDING(owner) → PENDING, to be tried again at {@code nextAttemptAt}. False when the lease was lost. */
    boolean release(String pk, String owner, Instant now, Instant nextAttemptAt, String reason);

    /** SENDING(owner) → FAILED. False when the lease was lost. */
    boolean fail(String pk, String owner, Instant now, String reason);

    /** A PENDING item due by {@code now} or a SENDING one whose lease ran out, as its pk. */
    record Due(String pk) {
    }

    /**
     * Items the sweep should re-drive: PENDING created before {@code pendingBefore} whose
     * nextAttemptAt (if any) has passed, and SENDING whose lease ran out; at most {@code max}.
     * Reads the status index only (no Scan).
     */
    List<Due> due(Instant now, Instant pendingBefore, int max);

    /** A failed item as the office manager sees it. */
    record FailedItem(String key, OutboxItem.Kind kind, String eventIdOrNull, String recipientOrNull,
                      String subjectOrDetailType, int attempts, Instant createdAt, Instant failedAt, String lastError) {
    }

    /** One page of FAILED items, newest first. */
    record FailedPage(List<FailedItem> items, java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> lastKey) {
    }

    FailedPage failed(int limit, java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> startKey);

    /** The outcome of a retry request. */
    enum RetryResult { RETRIED, NOT_FOUND, NOT_FAILED }

    /** FAILED → PENDING with attempts reset; the stream then delivers it. */
    RetryResult retry(String pk, Instant now);
}
