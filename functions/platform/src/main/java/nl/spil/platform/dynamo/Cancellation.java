package nl.spil.platform.dynamo;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A cancelled transaction as its author sees it: {@code offset} writes were prepended by the
 * platform (the idempotency record), so index 0 is the author's first write.
 */
public record Cancellation(TransactionCanceledException exception, int offset) {

    public boolean conditionFailed(int index) {
        return Transactions.conditionFailed(exception, index + offset);
    }
}
