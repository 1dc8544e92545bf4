package nl.spil.notifier.store;

import static nl.spil.notifier.store.LedgerItems.millis;
import static nl.spil.notifier.store.LedgerItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The outbox table as the notifier delivers it (attributes in {@link LedgerItems}). Requests per
 * delivered item: one UpdateItem to claim (returning the item), one to record the outcome.
 */
public final class DynamoOutboxLedger implements OutboxLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(String pk, String owner, Instant now, Instant leaseUntil, boolean emailsPaused) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(OutboxStatus.PENDING.name()));
        values.put(":sending", s(OutboxStatus.SENDING.name()));
        values.put(":gsi", s(OutboxStatus.SENDING.gsiKey(pk)));
        values.put(":owner", s(owner));
        values.put(":until", millis(leaseUntil));
        values.put(":now", millis(now));
        values.put(":one", AttributeValue.fromN("1"));
        String condition = "((#s = :pending AND (attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now))"
                + " OR (#s = :sending AND leaseUntil < :now))";
        Map<String, String> names = new HashMap<>(Map.of("#s", OutboxItems.STATUS));
        if (emailsPaused) {
            condition += " AND #kind <> :email";
            names.put("#kind", OutboxItems.KIND);
            values.put(":email", s(OutboxItem.Kind.EMAIL.name()));
        }
        try {
            UpdateItemResponse response = dynamo.updateItem(LedgerItems.update(table, pk)
                    .updateExpression("SET #s = :sending, gsi1pk = :gsi, leaseOwner = :owner, leaseUntil = :until,"
                            + " attempts = attempts + :one REMOVE nextAttemptAt")
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(claimed(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Claim claimed(Map<String, AttributeValue> item) {
        try {
            OutboxItem read = OutboxItems.fromItem(item);
            Instant retried = LedgerItems.instant(LedgerItems.str(item, LedgerItems.RETRIED_AT));
            return new Claimed(read, retried != null && retried.isAfter(read.createdAt()) ? retried : read.createdAt());
        } catch (IllegalArgumentException e) {
            return new Unreadable(e.getMessage());
        }
    }

    @Override
    public boolean markSent(String pk, String owner, Instant now, String deliveryId, Instant expiresAt) {
        return ifOwner(pk, owner, "SET #s = :status, sentAt = :now, deliveryId = :id, expiresAt = :ttl"
                        + " REMOVE gsi1pk, gsi1sk, leaseOwner, leaseUntil, nextAttemptAt, lastError, "
                        + String.join(", ", LedgerItems.CONTENT),
                Map.of(":status", s(OutboxStatus.DONE.name()), ":now", s(OutboxItems.formatInstant(now)),
                        ":id", s(deliveryId == null || deliveryId.isBlank() ? "unknown" : deliveryId),
                        ":ttl", LedgerItems.epochSeconds(expiresAt)));
    }

    @Override
    public boolean release(String pk, String owner, Instant now, Instant nextAttemptAt, String reason) {
        return ifOwner(pk, owner, "SET #s = :status, gsi1pk = :gsi, nextAttemptAt = :next, lastError = :reason"
                        + " REMOVE leaseOwner, leaseUntil",
                Map.of(":status", s(OutboxStatus.PENDING.name()), ":gsi", s(OutboxStatus.PENDING.gsiKey(pk)),
                        ":next", millis(nextAttemptAt), ":reason", s(reason)));
    }

    @Override
    public boolean fail(String pk, String owner, Instant now, String reason, Instant expiresAt) {
        return ifOwner(pk, owner, "SET #s = :status, gsi1pk = :gsi, failedAt = :now, lastError = :reason,"
                        + " expiresAt = :ttl REMOVE leaseOwner, leaseUntil, nextAttemptAt",
                Map.of(":status", s(OutboxStatus.FAILED.name()), ":gsi", s(OutboxStatus.FAILED.gsiKey(pk)),
                        ":now", s(OutboxItems.formatInstant(now)), ":reason", s(reason),
                        ":ttl", LedgerItems.epochSeconds(expiresAt)));
    }

    private boolean ifOwner(String pk, String owner, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":sending", s(OutboxStatus.SENDING.name()));
        all.put(":owner", s(owner));
        try {
            dynamo.updateItem(LedgerItems.update(table, pk)
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
    public List<Due> due(Instant now, Instant pendingBefore, int max, boolean emailsPaused) {
        List<Due> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        for (int shard = 0; shard < OutboxStatus.SHARDS && due.size() < max; shard++) {
            // PENDING created before the cutoff (the stream is still handling younger ones)
            query(OutboxStatus.PENDING.gsiKey(shard), Map.of(":before", s(OutboxItems.formatInstant(pendingBefore))),
                    " AND gsi1sk < :before", max, item -> {
                        AttributeValue next = item.get(LedgerItems.NEXT_ATTEMPT_AT);
                        boolean email = OutboxItem.Kind.EMAIL.name().equals(LedgerItems.str(item, OutboxItems.KIND));
                        if ((next == null || Long.parseLong(next.n()) <= nowMillis) && !(emailsPaused && email)) {
                            due.add(new Due(item.get(OutboxItems.PK).s()));
                        }
                    }, due);
            // SENDING whose lease ran out
            query(OutboxStatus.SENDING.gsiKey(shard), Map.of(), "", max, item -> {
                AttributeValue until = item.get(LedgerItems.LEASE_UNTIL);
                if (until == null || Long.parseLong(until.n()) < nowMillis) {
                    due.add(new Due(item.get(OutboxItems.PK).s()));
                }
            }, due);
        }
        return due;
    }

    private void query(String partition, Map<String, AttributeValue> extra, String sortCondition, int max,
                       Consumer<Map<String, AttributeValue>> each, List<Due> due) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":status", s(partition));
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table).indexName(LedgerItems.INDEX)
                    .keyConditionExpression("gsi1pk = :status" + sortCondition)
                    .expressionAttributeValues(values)
                    .projectionExpression("pk, #kind, nextAttemptAt, leaseUntil")
                    .expressionAttributeNames(Map.of("#kind", OutboxItems.KIND))
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
}
