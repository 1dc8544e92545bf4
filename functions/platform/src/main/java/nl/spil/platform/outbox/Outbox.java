package nl.spil.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.events.EventJson;
import nl.spil.platform.mail.EmailMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Enqueues notifications in the same DynamoDB transaction as the business write that causes
 * them. The outbox table's stream then drives the notifier, which sends e-mails through SES
 * and puts events on EventBridge.
 *
 * <pre>{@code
 * Outbox outbox = new Outbox(outboxTable, clock, ids);
 * dynamo.transactWriteItems(r -> r.transactItems(
 *     TransactWriteItem.builder().put(bookingPut).build(),
 *     outbox.email(confirmation, "bookings:confirmed:" + bookingId)));
 * }</pre>
 *
 * Every put is conditional on {@code attribute_not_exists(pk)}. With a dedupe key the
 * partition key is derived from the key ({@code OUTBOX#<sha256 prefix>}), so the same logical
 * notification can never be enqueued twice: a second transaction carrying it is cancelled
 * as a whole (see {@link #isDuplicate}). Dedupe keys share one table across functions, so
 * prefix them with the domain ({@code "stock:po-received:<poId>"}). Without a dedupe key the
 * partition key is the new item's id.
 */
public final class Outbox {
    /** The condition on every outbox put. */
    public static final String CONDITION = "attribute_not_exists(" + OutboxItems.PK + ")";

    private final String tableName;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param tableName the outbox table
     * @param clock     gives createdAt
     * @param ids       gives new item ids (1–128 printable ASCII characters, no '#'), e.g. ULIDs
     */
    public Outbox(String tableName, Clock clock, Supplier<String> ids) {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("outbox table name is required");
        }
        this.tableName = tableName;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public String tableName() {
        return tableName;
    }

    /**
     * The transaction item that enqueues an e-mail.
     *
     * @param dedupeKey the logical notification, e.g. {@code "bookings:confirmed:<bookingId>"};
     *                  null for none
     * @throws IllegalArgumentException when the item would be larger than
     *                                  {@link OutboxItems#MAX_ITEM_BYTES} or the key is blank
     */
    public TransactWriteItem email(EmailMessage message, String dedupeKey) {
        return put(newEmail(message, dedupeKey));
    }

    /**
     * The transaction item that enqueues a domain event.
     *
     * @param source     e.g. {@code "spil.stock"} (not {@code aws.*})
     * @param detailType e.g. {@code "PurchaseOrderReceived"}
     * @param detailJson the detail, a JSON object
     * @param dedupeKey  the logical event, null for none
     * @throws IllegalArgumentException when a field is invalid, the detail is not a JSON object
     *                                  or the event is too large
     */
    public TransactWriteItem event(String source, String detailType, String detailJson, String dedupeKey) {
        return put(newEvent(source, detailType, detailJson, dedupeKey));
    }

    /**
     * The transaction item that enqueues a domain event: its detail is the record's components
     * ({@link EventJson}), its dedupe key the event's own.
     */
    public TransactWriteItem event(DomainEvent event) {
        if (!(event instanceof Record record)) {
            throw new IllegalArgumentException("a domain event is a record");
        }
        return event(event.source(), event.detailType(), EventJson.write(record), event.dedupeKey());
    }

    /** A new pending e-mail item (not yet written). */
    public OutboxItem.Email newEmail(EmailMessage message, String dedupeKey) {
        Objects.requireNonNull(message, "message");
        String id = newId();
        return new OutboxItem.Email(pkFor(dedupeKey, id), id, clock.instant(), OutboxStatus.PENDING, 0, message);
    }

    /** A new pending event item (not yet written); its event id is its id. */
    public OutboxItem.Event newEvent(String source, String detailType, String detailJson, String dedupeKey) {
        String id = newId();
        return new OutboxItem.Event(pkFor(dedupeKey, id), id, clock.instant(), OutboxStatus.PENDING, 0,
                source, detailType, detailJson);
    }

    /**
     * The conditional put of an item.
     *
     * @throws IllegalArgumentException when the item is larger than {@link OutboxItems#MAX_ITEM_BYTES}
     */
    public TransactWriteItem put(OutboxItem item) {
        Map<String, AttributeValue> attributes = OutboxItems.toItem(item);
        long size = OutboxItems.sizeOf(attributes);
        if (size > OutboxItems.MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("outbox item too large: " + size + " bytes, the limit is "
                    + OutboxItems.MAX_ITEM_BYTES + " (DynamoDB items are at most 400 KB); "
                    + "send a link to the file instead of attaching it");
        }
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(tableName).item(attributes).conditionExpression(CONDITION).build())
                .build();
    }

    /** The partition key for a dedupe key: {@code OUTBOX#} and the first 128 bits of its SHA-256 in hex. */
    public static String pkForDedupeKey(String dedupeKey) {
        if (dedupeKey == null || dedupeKey.isBlank()) {
            throw new IllegalArgumentException("dedupe key must not be blank (pass null for none)");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return OutboxItems.PK_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Writes one outbox item on its own, for a notification that has no business write to ride
     * with: one conditional PutItem (half the cost of a transaction of one).
     *
     * @return false when its dedupe key was taken: it was enqueued before, and nothing is sent twice
     */
    public static boolean putAlone(DynamoDbClient dynamo, TransactWriteItem item) {
        Put put = item.put();
        try {
            dynamo.putItem(b -> b.tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression()));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * True when a cancelled transaction was cancelled because the outbox item at
     * {@code index} was already enqueued (its condition failed), i.e. the notification is a
     * duplicate. Other items' reasons are not looked at.
     */
    public static boolean isDuplicate(TransactionCanceledException e, int index) {
        if (e == null || !e.hasCancellationReasons()) {
            return false;
        }
        List<CancellationReason> reasons = e.cancellationReasons();
        return index >= 0 && index < reasons.size()
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private String newId() {
        String id = ids.get();
        if (id == null) {
            throw new IllegalStateException("the id supplier gave no id");
        }
        return id; // checked by the item record
    }

    private static String pkFor(String dedupeKey, String id) {
        return dedupeKey == null ? OutboxItems.PK_PREFIX + id : pkForDedupeKey(dedupeKey);
    }
}
