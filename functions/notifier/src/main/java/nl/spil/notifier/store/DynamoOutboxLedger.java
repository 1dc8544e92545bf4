package nl.spil.notifier.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.notifier.app.OutboxLedger;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.platform.outbox.OutboxStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The outbox table's notifier attributes, next to those of {@link OutboxItems}:
 *
 * <pre>
 * leaseOwner     SENDING only: the claim's random token
 * leaseUntil     SENDING only: epoch milliseconds the claim is held until
 * nextAttemptAt  PENDING after a transient failure: epoch milliseconds before which nobody claims it
 * lastError      the last failure's reason (addresses replaced by hashed ids)
 * failedAt       FAILED: ISO instant
 * sentAt         DONE: ISO instant; deliveryId: SES message id or EventBridge event id
 * expiresAt      DONE: TTL (epoch seconds)
 * retriedAt      when the office manager last put a FAILED item back
 * </pre>
 *
 * Status index: {@code gsi1pk = STATUS#<status>} moves with every transition; a DONE item leaves
 * the index (gsi1pk and gsi1sk removed: nobody lists delivered items, and the index stays small).
 * Requests per delivered item: one UpdateItem to claim (returning the item), one to record.
 */
public final class DynamoOutboxLedger implements OutboxLedger {

    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LAST_ERROR = "lastError";
    static final String FAILED_AT = "failedAt";
    static final String SENT_AT = "sentAt";
    static final String DELIVERY_ID = "deliveryId";
    static final String RETRIED_AT = "retriedAt";
    static final String INDEX = "gsi1";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(String pk, String owner, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(OutboxStatus.PENDING.name()));
        values.put(":sending", s(OutboxStatus.SENDING.name()));
        values.put(":gsi", s(OutboxStatus.SENDING.gsiKey()));
        values.put(":owner", s(owner));
        values.put(":until", millis(leaseUntil));
        values.put(":now", millis(now));
        values.put(":one", AttributeValue.fromN("1"));
        try {
            UpdateItemResponse response = dynamo.updateItem(update(pk)
                    .updateExpression("SET #s = :sending, gsi1pk = :gsi, leaseOwner = :owner, leaseUntil = :until,"
                            + " attempts = attempts + :one REMOVE nextAttemptAt")
                    .conditionExpression("(#s = :pending AND (attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now))"
                            + " OR (#s = :sending AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", OutboxItems.STATUS))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            try {
                return Optional.of(new Claimed(OutboxItems.fromItem(response.attributes())));
            } catch (IllegalArgumentException e) {
                return Optional.of(new Unreadable(e.getMessage()));
            }
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean markSent(String pk, String owner, Instant now, String deliveryId, Instant expiresAt) {
        return ifOwner(pk, owner, "SET #s = :status, sentAt = :now, deliveryId = :id, expiresAt = :ttl"
                        + " REMOVE gsi1pk, gsi1sk, leaseOwner, leaseUntil, nextAttemptAt, lastError",
                Map.of(":status", s(OutboxStatus.DONE.name()), ":now", s(OutboxItems.formatInstant(now)),
                        ":id", s(deliveryId == null || deliveryId.isBlank() ? "unknown" : deliveryId),
                        ":ttl", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))));
    }

    @Override
    public boolean release(String pk, String owner, Instant now, Instant nextAttemptAt, String reason) {
        return ifOwner(pk, owner, "SET #s = :status, gsi1pk = :gsi, nextAttemptAt = :next, lastError = :reason"
                        + " REMOVE leaseOwner, leaseUntil",
                Map.of(":status", s(OutboxStatus.PENDING.name()), ":gsi", s(OutboxStatus.PENDING.gsiKey()),
                        ":next", millis(nextAttemptAt), ":reason", s(reason)));
    }

    @Override
    public boolean fail(String pk, String owner, Instant now, String reason) {
        return ifOwner(pk, owner, "SET #s = :status, gsi1pk = :gsi, failedAt = :now, lastError = :reason"
                        + " REMOVE leaseOwner, leaseUntil, nextAttemptAt",
                Map.of(":status", s(OutboxStatus.FAILED.name()), ":gsi", s(OutboxStatus.FAILED.gsiKey()),
                        ":now", s(OutboxItems.formatInstant(now)), ":reason", s(reason)));
    }

    private boolean ifOwner(String pk, String owner, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":sending", s(OutboxStatus.SENDING.name()));
        all.put(":owner", s(owner));
        try {
            dynamo.updateItem(update(pk)
                    .updateExpression(expression)
                    .conditionExpression("#s = :sending AND leaseOwner = :owner")
                    .expressionAttributeNames(Map.of("#s", OutboxItems.STATUS))
                    .expressionAttributeValues(all)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Due> due(Instant now, Instant pendingBefore, int max) {
        List<Due> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        // PENDING created before the cutoff (the stream is still handling younger ones)
        query(OutboxStatus.PENDING, Map.of(":before", s(OutboxItems.formatInstant(pendingBefore))),
                " AND gsi1sk < :before", max, item -> {
                    AttributeValue next = item.get(NEXT_ATTEMPT_AT);
                    if (next == null || Long.parseLong(next.n()) <= nowMillis) {
                        due.add(new Due(item.get(OutboxItems.PK).s()));
                    }
                }, due);
        // SENDING whose lease ran out
        query(OutboxStatus.SENDING, Map.of(), "", max, item -> {
            AttributeValue until = item.get(LEASE_UNTIL);
            if (until == null || Long.parseLong(until.n()) < nowMillis) {
                due.add(new Due(item.get(OutboxItems.PK).s()));
            }
        }, due);
        return due;
    }

    private void query(OutboxStatus status, Map<String, AttributeValue> extra, String sortCondition, int max,
                       java.util.function.Consumer<Map<String, AttributeValue>> each, List<Due> due) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":status", s(status.gsiKey()));
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table).indexName(INDEX)
                    .keyConditionExpression("gsi1pk = :status" + sortCondition)
                    .expressionAttributeValues(values)
                    .projectionExpression("pk, nextAttemptAt, leaseUntil")
                    .exclusiveStartKey(start)
                    .limit(Math.min(500, max))
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (due.size() >= max) {
                    return;
                }
                each.accept(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && due.size() < max);
    }

    @Override
    public FailedPage failed(int limit, Map<String, AttributeValue> startKey) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(table).indexName(INDEX)
                .keyConditionExpression("gsi1pk = :status")
                .expressionAttributeValues(Map.of(":status", s(OutboxStatus.FAILED.gsiKey())))
                .scanIndexForward(false)
                .exclusiveStartKey(startKey == null || startKey.isEmpty() ? null : startKey)
                .limit(limit)
                .build());
        List<FailedItem> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            items.add(failedItem(item));
        }
        Map<String, AttributeValue> last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? page.lastEvaluatedKey() : null;
        return new FailedPage(items, last);
    }

    private static FailedItem failedItem(Map<String, AttributeValue> item) {
        String pk = item.get(OutboxItems.PK).s();
        String key = pk.substring(OutboxItems.PK_PREFIX.length());
        String kindText = str(item, OutboxItems.KIND);
        OutboxItem.Kind kind = "EVENT".equals(kindText) ? OutboxItem.Kind.EVENT : OutboxItem.Kind.EMAIL;
        boolean email = kind == OutboxItem.Kind.EMAIL;
        return new FailedItem(key, kind,
                email ? null : str(item, OutboxItems.ID),
                email ? str(item, OutboxItems.TO_ADDRESS) : null,
                email ? str(item, OutboxItems.SUBJECT) : str(item, OutboxItems.DETAIL_TYPE),
                item.containsKey(OutboxItems.ATTEMPTS) ? Integer.parseInt(item.get(OutboxItems.ATTEMPTS).n()) : 0,
                instant(str(item, OutboxItems.CREATED_AT)), instant(str(item, FAILED_AT)),
                str(item, LAST_ERROR));
    }

    @Override
    public RetryResult retry(String pk, Instant now) {
        try {
            dynamo.updateItem(update(pk)
                    .updateExpression("SET #s = :pending, gsi1pk = :gsi, attempts = :zero, retriedAt = :now"
                            + " REMOVE failedAt, nextAttemptAt")
                    .conditionExpression("#s = :failed")
                    .expressionAttributeNames(Map.of("#s", OutboxItems.STATUS))
                    .expressionAttributeValues(Map.of(":pending", s(OutboxStatus.PENDING.name()),
                            ":gsi", s(OutboxStatus.PENDING.gsiKey()), ":zero", AttributeValue.fromN("0"),
                            ":now", s(OutboxItems.formatInstant(now)), ":failed", s(OutboxStatus.FAILED.name())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return RetryResult.RETRIED;
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return RetryResult.NOT_FAILED;
            }
            // not every DynamoDB implementation returns the old item: look once
            var found = dynamo.getItem(b -> b.tableName(table).consistentRead(true).projectionExpression("pk")
                    .key(Map.of(OutboxItems.PK, s(pk), OutboxItems.SK, s(OutboxItems.SK_VALUE))));
            boolean exists = found.hasItem() && !found.item().isEmpty();
            return exists ? RetryResult.NOT_FAILED : RetryResult.NOT_FOUND;
        }
    }

    private UpdateItemRequest.Builder update(String pk) {
        return UpdateItemRequest.builder().tableName(table)
                .key(Map.of(OutboxItems.PK, s(pk), OutboxItems.SK, s(OutboxItems.SK_VALUE)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
