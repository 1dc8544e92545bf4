package nl.spil.notifier.store;

import static nl.spil.notifier.store.LedgerItems.s;
import static nl.spil.notifier.store.LedgerItems.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.notifier.app.FailedOutbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.platform.outbox.OutboxStatus;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Failed items on the status index's FAILED shards. A page is one Query per shard, newest first,
 * merged; the cursor is the index sort key of the last item answered ({@code createdAt#id}, unique),
 * so the next page asks every shard for what is older.
 */
public final class DynamoFailedOutbox implements FailedOutbox {

    static final String CURSOR_SCOPE = "notifications:failed";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;

    public DynamoFailedOutbox(DynamoDbClient dynamo, String table, Cursors cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Page<FailedItem> failed(PageRequest page) {
        Map<String, AttributeValue> after = cursors.decode(CURSOR_SCOPE, page.cursor());
        String before = after == null || after.get("before") == null ? null : after.get("before").s();
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        boolean more = false;
        for (int shard = 0; shard < OutboxStatus.SHARDS; shard++) {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(OutboxStatus.FAILED.gsiKey(shard))));
            if (before != null) {
                values.put(":before", s(before));
            }
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName(LedgerItems.INDEX)
                    .keyConditionExpression("gsi1pk = :p" + (before == null ? "" : " AND gsi1sk < :before"))
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(page.limit())
                    .build());
            candidates.addAll(r.items());
            more |= r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
        }
        candidates.sort(Comparator.comparing((Map<String, AttributeValue> i) -> str(i, OutboxItems.GSI1_SK)).reversed());
        more |= candidates.size() > page.limit();
        List<Map<String, AttributeValue>> answered = candidates.subList(0, Math.min(page.limit(), candidates.size()));
        String next = more && !answered.isEmpty()
                ? cursors.encode(CURSOR_SCOPE, Map.of("before", answered.get(answered.size() - 1).get(OutboxItems.GSI1_SK)))
                : null;
        return new Page<>(answered.stream().map(DynamoFailedOutbox::failedItem).toList(), next);
    }

    private static FailedItem failedItem(Map<String, AttributeValue> item) {
        String key = item.get(OutboxItems.PK).s().substring(OutboxItems.PK_PREFIX.length());
        OutboxItem.Kind kind = "EVENT".equals(str(item, OutboxItems.KIND)) ? OutboxItem.Kind.EVENT : OutboxItem.Kind.EMAIL;
        boolean email = kind == OutboxItem.Kind.EMAIL;
        return new FailedItem(key, kind,
                email ? Optional.empty() : Optional.ofNullable(str(item, OutboxItems.ID)),
                email ? Optional.ofNullable(str(item, OutboxItems.TO_ADDRESS)) : Optional.empty(),
                email ? Optional.ofNullable(str(item, OutboxItems.SUBJECT)) : Optional.empty(),
                email ? Optional.empty() : Optional.ofNullable(str(item, OutboxItems.DETAIL_TYPE)),
                item.containsKey(OutboxItems.ATTEMPTS) ? Integer.parseInt(item.get(OutboxItems.ATTEMPTS).n()) : 0,
                LedgerItems.instant(str(item, OutboxItems.CREATED_AT)),
                Optional.ofNullable(LedgerItems.instant(str(item, LedgerItems.FAILED_AT))),
                Optional.ofNullable(str(item, LedgerItems.LAST_ERROR)).orElse("unknown"));
    }

    @Override
    public RetryResult retry(String pk, Instant now) {
        try {
            dynamo.updateItem(LedgerItems.update(table, pk)
                    .updateExpression("SET #s = :pending, gsi1pk = :gsi, attempts = :zero, retriedAt = :now"
                            + " REMOVE failedAt, nextAttemptAt, expiresAt")
                    .conditionExpression("#s = :failed")
                    .expressionAttributeNames(Map.of("#s", OutboxItems.STATUS))
                    .expressionAttributeValues(Map.of(":pending", s(OutboxStatus.PENDING.name()),
                            ":gsi", s(OutboxStatus.PENDING.gsiKey(pk)), ":zero", AttributeValue.fromN("0"),
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
                    .key(LedgerItems.key(pk)));
            boolean exists = found.hasItem() && !found.item().isEmpty();
            return exists ? RetryResult.NOT_FAILED : RetryResult.NOT_FOUND;
        }
    }

    @Override
    public Retried retryAll(Filter filter, Instant now, int max) {
        int retried = 0;
        for (int shard = 0; shard < OutboxStatus.SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(matching(filter, OutboxStatus.FAILED.gsiKey(shard), start));
                for (Map<String, AttributeValue> item : page.items()) {
                    if (retried == max) {
                        return new Retried(retried, true);
                    }
                    if (retry(item.get(OutboxItems.PK).s(), now) == RetryResult.RETRIED) {
                        retried++;
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return new Retried(retried, false);
    }

    /** One shard's FAILED items the filter matches, oldest first: created-at as a key range, the rest as a filter. */
    private QueryRequest matching(Filter filter, String partition, Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(partition)));
        Map<String, String> names = new HashMap<>();
        String key = "gsi1pk = :p";
        if (filter.createdFrom().isPresent() || filter.createdTo().isPresent()) {
            key += " AND gsi1sk BETWEEN :from AND :to";
            values.put(":from", s(filter.createdFrom().map(OutboxItems::formatInstant).orElse("0")));
            // '~' sorts after every id character: the whole last millisecond is included
            values.put(":to", s(filter.createdTo().map(OutboxItems::formatInstant).orElse("9999") + "#~"));
        }
        List<String> conditions = new ArrayList<>();
        filter.kind().ifPresent(k -> {
            conditions.add("#kind = :kind");
            names.put("#kind", OutboxItems.KIND);
            values.put(":kind", s(k.name()));
        });
        filter.errorContains().ifPresent(text -> {
            conditions.add("contains(lastError, :error)");
            values.put(":error", s(text));
        });
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(LedgerItems.INDEX)
                .keyConditionExpression(key).expressionAttributeValues(values).projectionExpression("pk")
                .exclusiveStartKey(start);
        if (!conditions.isEmpty()) {
            query.filterExpression(String.join(" AND ", conditions)).expressionAttributeNames(names.isEmpty() ? null : names);
        }
        return query.build();
    }
}
