package nl.spil.notifier.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.spil.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The outbox table's notifier attributes, next to those of {@link OutboxItems}:
 *
 * <pre>
 * leaseOwner     SENDING only: the claim's random token
 * leaseUntil     SENDING only: epoch milliseconds the claim is held until
 * nextAttemptAt  PENDING after a transient failure or a pause: epoch milliseconds before which nobody claims it
 * lastError      the last failure's reason (addresses replaced by pseudonyms)
 * failedAt       FAILED: ISO instant
 * sentAt         DONE: ISO instant; deliveryId: SES message id or EventBridge event id
 * expiresAt      DONE and FAILED: TTL (epoch seconds)
 * retriedAt      when the office manager last put a FAILED item back (tries are counted from then)
 * </pre>
 *
 * Status index {@code gsi1}: {@code gsi1pk = STATUS#<status>#<shard>} moves with every
 * transition; a DONE item leaves the index. It projects only the keys and the attributes the
 * sweep and the failed list read ({@link #INDEXED}), never a body.
 */
final class LedgerItems {

    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LAST_ERROR = "lastError";
    static final String FAILED_AT = "failedAt";
    static final String SENT_AT = "sentAt";
    static final String DELIVERY_ID = "deliveryId";
    static final String RETRIED_AT = "retriedAt";
    static final String INDEX = "gsi1";
    /** The non-key attributes template.yaml projects into the status index (checked by a test). */
    static final List<String> INDEXED = List.of(OutboxItems.ID, OutboxItems.KIND, OutboxItems.ATTEMPTS,
            OutboxItems.CREATED_AT, NEXT_ATTEMPT_AT, LEASE_UNTIL, FAILED_AT, LAST_ERROR, OutboxItems.TO_ADDRESS,
            OutboxItems.SUBJECT, OutboxItems.DETAIL_TYPE);
    /** What a sent item no longer needs: its message, its addresses, its detail. */
    static final List<String> CONTENT = List.of(OutboxItems.SUBJECT, OutboxItems.TEXT_BODY, OutboxItems.HTML_BODY,
            OutboxItems.ATTACHMENTS, OutboxItems.TO_ADDRESS, OutboxItems.TO_NAME, OutboxItems.FROM_NAME,
            OutboxItems.REPLY_TO_ADDRESS, OutboxItems.REPLY_TO_NAME, OutboxItems.DETAIL);

    private LedgerItems() {
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(OutboxItems.PK, s(pk), OutboxItems.SK, s(OutboxItems.SK_VALUE));
    }

    static UpdateItemRequest.Builder update(String table, String pk) {
        return UpdateItemRequest.builder().tableName(table).key(key(pk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
