package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.SlotTaken;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The writes of the bookings table's transactions, and running them (one table, one client). */
final class BookingWrites {

    private final DynamoDbClient dynamo;
    private final String table;

    BookingWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    String table() {
        return table;
    }

    /**
     * Takes one quarter hour of a resource: the lock against double booking. {@code bookingId = :me}
     * only lets a retried series occurrence meet its own slot; the old item comes back on a
     * refusal, so the 409 can name the booking holding it.
     */
    TransactWriteItem takeSlot(Booking b, Instant quarter) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(BookingItems.slotItem(b, quarter))
                .conditionExpression("attribute_not_exists(pk) OR bookingId = :me")
                .expressionAttributeValues(Map.of(":me", s(b.id())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    TransactWriteItem freeSlot(Map<String, AttributeValue> key, String bookingId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression("bookingId = :b").expressionAttributeValues(Map.of(":b", s(bookingId))).build()).build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                          Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values.isEmpty() ? null : values).build()).build();
    }

    TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /** Runs one transaction; retried (up to 4 times, briefly) only when DynamoDB reports a transaction conflict. */
    void transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.transactionConflict(e) && attempt < 4) {
                    pause(attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    /** The first of {@code slots} (written from index 0 of the transaction on) whose condition failed, if any. */
    static Optional<SlotTaken> slotTaken(Cancellation cancelled, Booking b, List<Instant> slots) {
        for (int i = 0; i < slots.size(); i++) {
            if (cancelled.conditionFailed(i)) {
                return Optional.of(SlotTaken.of(b, slots.get(i), holder(cancelled, i)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> holder(Cancellation cancelled, int index) {
        List<CancellationReason> reasons = cancelled.exception().cancellationReasons();
        int at = index + cancelled.offset();
        if (reasons == null || at >= reasons.size() || reasons.get(at).item() == null) {
            return Optional.empty();
        }
        return Attrs.optStr(reasons.get(at).item(), "bookingId");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L + (long) (Math.random() * 20 * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
