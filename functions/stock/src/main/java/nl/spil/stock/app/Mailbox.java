package nl.spil.stock.app;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Writes outbox items on their own (port), for notifications that have no business write. */
public interface Mailbox {

    /**
     * Enqueues the items in one transaction.
     *
     * @return false when they were enqueued before (their dedupe keys are taken): nothing is sent twice
     */
    boolean enqueue(List<TransactWriteItem> outboxItems);
}
