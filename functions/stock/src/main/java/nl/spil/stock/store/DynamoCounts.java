package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.app.Counts;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.domain.CountLine;
import nl.spil.stock.domain.StockCount;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Stock-takes on the stock table: COUNT#id with its lines LINE#itemId on the same partition. */
@Singleton
public class DynamoCounts implements Counts {

    private final DynamoDbClient dynamo;
    private final String table;
    private final IdempotentCreates creates;

    public DynamoCounts(DynamoDbClient dynamo, Settings settings, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.creates = creates;
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("COUNT#" + id, "COUNT");
    }

    static Map<String, AttributeValue> lineKey(String countId, String itemId) {
        return Attrs.key("COUNT#" + countId, "LINE#" + itemId);
    }

    @Override
    public Response open(StockCount count, CreateRequest request, Function<StockCount, Response> answer) {
        Map<String, AttributeValue> item = new HashMap<>(key(count.id()));
        item.put("kind", s("COUNT"));
        item.put("countId", s(count.id()));
        item.put("siteId", s(count.siteId()));
        item.put("status", s(count.status().name()));
        item.put("openedBy", s(count.openedBy()));
        item.put("openedAt", s(count.openedAt().toString()));
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "stock-counts", new Plan(List.of(put), answer.apply(count), count.id()),
                cancelled -> ProblemException.conflict("count-exists", "Count id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public Optional<StockCount> byId(String id) {
        Map<String, AttributeValue> m = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id))
                .consistentRead(true).build()).item();
        if (m == null || m.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StockCount(Attrs.str(m, "countId"), Attrs.str(m, "siteId"),
                StockCount.Status.valueOf(Attrs.str(m, "status")), Attrs.str(m, "openedBy"),
                Instant.parse(Attrs.str(m, "openedAt")), Attrs.optStr(m, "closedAt").map(Instant::parse)));
    }

    @Override
    public void record(StockCount count, CountLine line) {
        Map<String, AttributeValue> item = new HashMap<>(lineKey(count.id(), line.itemId()));
        item.put("kind", s("COUNT_LINE"));
        item.put("itemId", s(line.itemId()));
        item.put("counted", n(line.counted()));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key(count.id()))
                            .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                            .expressionAttributeValues(Map.of(":open", s("OPEN"))).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(bookedAt)").build()).build()).build());
        } catch (TransactionCanceledException e) {
            throw ProblemException.conflict("count-closed", "Count closed", "count " + count.id() + " was closed meanwhile");
        }
    }

    @Override
    public List<StoredLine> lines(String countId) {
        List<StoredLine> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :l)")
                    .expressionAttributeValues(Map.of(":p", s("COUNT#" + countId), ":l", s("LINE#")))
                    .exclusiveStartKey(start).build());
            r.items().forEach(m -> out.add(new StoredLine(new CountLine(Attrs.str(m, "itemId"), Attrs.num(m, "counted")),
                    m.containsKey("bookedAt") ? Optional.of(Attrs.num(m, "onHand")) : Optional.empty())));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public void book(StockCount count, List<Booking> bookings, boolean close, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Booking b : bookings) {
            long difference = b.line().differenceFrom(b.read().quantity());
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(lineKey(count.id(), b.line().itemId()))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(bookedAt) AND counted = :c")
                    .updateExpression("SET bookedAt = :at, onHand = :q, difference = :d")
                    .expressionAttributeValues(Map.of(":c", n(b.line().counted()), ":at", s(now.toString()),
                            ":q", n(b.read().quantity()), ":d", n(difference)))
                    .build()).build());
            if (b.movement().isPresent()) {
                writes.add(QuantityChanges.exact(table, b.read(), b.line().counted()));
                writes.add(ItemItems.putMovement(table, b.movement().get()));
            }
        }
        if (close) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(count.id()))
                    .conditionExpression("#s = :open")
                    .updateExpression("SET #s = :closed, closedAt = :at")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":open", s("OPEN"), ":closed", s("CLOSED"), ":at", s(now.toString())))
                    .build()).build());
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChange();
        }
    }
}
