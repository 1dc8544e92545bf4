package nl.spil.stock.store;

import jakarta.inject.Singleton;
import java.util.List;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.outbox.Outbox;
import nl.spil.stock.app.Mailbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The outbox puts of a notification in one TransactWriteItems. */
@Singleton
public class DynamoMailbox implements Mailbox {

    private final DynamoDbClient dynamo;

    public DynamoMailbox(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public boolean enqueue(List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> outboxItems) {
        if (outboxItems.isEmpty()) {
            return true;
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(outboxItems).build());
            return true;
        } catch (TransactionCanceledException e) {
            for (int i = 0; i < outboxItems.size(); i++) {
                if (Outbox.isDuplicate(e, i)) {
                    return false;
                }
            }
            if (Transactions.transactionConflict(e)) {
                // the same reminder being written at this very moment by another run
                return false;
            }
            throw e;
        }
    }
}
