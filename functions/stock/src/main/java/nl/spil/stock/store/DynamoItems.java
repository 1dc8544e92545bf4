package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.app.Items;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Items, their SKU guards, ledgers and price history on the stock table. */
@Singleton
public class DynamoItems implements Items {

    static final int MAX_ATTEMPTS = 25;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoItems(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Optional<Item> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(ItemItems.key(id)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ItemItems.item(item));
    }

    @Override
    public Map<String, Item> byIds(Collection<String> ids) {
        Map<String, Item> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(ItemItems::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                BatchGetItemResponse got = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                got.responses().getOrDefault(table, List.of()).forEach(i -> {
                    Item item = ItemItems.item(i);
                    out.put(item.id(), item);
                });
                request = got.hasUnprocessedKeys() ? got.unprocessedKeys() : null;
            }
        }
        return out;
    }

    @Override
    public Page<Item> ofSite(String siteId, PageRequest page) {
        return index("gsi2", ItemItems.ITEMS + siteId, "items:" + siteId, page);
    }

    @Override
    public Page<Item> lowAt(String siteId, PageRequest page) {
        return index("gsi1", ItemItems.LOW + siteId, "low:" + siteId, page);
    }

    @Override
    public List<Item> allLowAt(String siteId) {
        List<Item> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(ItemItems.LOW + siteId)))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(ItemItems.item(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Page<Item> index(String index, String partition, String scope, PageRequest page) {
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(index + "pk = :p")
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(r.items().stream().map(ItemItems::item).toList(), cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public Response add(Item item, Optional<Movement> opening, CreateRequest request, Function<Item, Response> answer) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ItemItems.item(item))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        Map<String, AttributeValue> guard = new HashMap<>(ItemItems.skuKey(item.siteId(), item.sku()));
        guard.put("kind", s("SKU"));
        guard.put("itemId", s(item.id()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(guard)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        opening.ifPresent(m -> writes.add(ItemItems.putMovement(table, m)));
        writes.add(ItemItems.putPrice(table, item.id(), item.details().supplierId(), item.details().unitPriceCents(),
                item.createdAt(), "item", item.id()));
        return creates.create(request, "stock-items", new Plan(writes, answer.apply(item), item.id()),
                cancelled -> cancelled.conditionFailed(1)
                        ? new ProblemException(Problem.of(409, "sku-taken", "SKU in use",
                                "site " + item.siteId() + " already has an item with SKU " + item.sku()),
                                Map.of("sku", item.sku()))
                        : ProblemException.conflict("item-exists", "Item id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void change(Item current, Item changed) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, AttributeValue> details = ItemItems.details(changed.details());
        for (String attr : List.of("name", "unit", "location", "minimum", "reorderUpTo", "supplierId", "unitPriceCents")) {
            names.put("#" + attr, attr);
            if (details.containsKey(attr)) {
                set.add("#" + attr + " = :" + attr);
                values.put(":" + attr, details.get(attr));
            } else {
                remove.add("#" + attr);
            }
        }
        set.add("version = :nv");
        set.add("updatedAt = :at");
        values.put(":nv", n(changed.version()));
        values.put(":at", s(changed.updatedAt().toString()));
        values.put(":v", n(current.version()));
        values.put(":q", n(current.quantity()));
        if (changed.isLow()) {
            set.add("gsi1pk = :lowpk");
            set.add("gsi1sk = :lowsk");
            values.put(":lowpk", s(ItemItems.LOW + changed.siteId()));
            values.put(":lowsk", s(ItemItems.lowSortKey(changed)));
        } else {
            remove.add("gsi1pk");
            remove.add("gsi1sk");
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(current.id()))
                // the quantity decides the low-stock index: it must still be the one read
                .conditionExpression("version = :v AND quantity = :q")
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build());
        var before = current.details();
        var after = changed.details();
        if (before.unitPriceCents() != after.unitPriceCents() || !before.supplierId().equals(after.supplierId())) {
            writes.add(ItemItems.putPrice(table, current.id(), after.supplierId(), after.unitPriceCents(),
                    changed.updatedAt(), "item", "v" + changed.version()));
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChange();
        }
    }

    /**
     * Reads the item, decides, and writes relative to what was read; when the quantity or minimum
     * moved meanwhile, reads and decides again (up to {@link #MAX_ATTEMPTS}: many people take
     * from one item at once). Short of stock is a 409, except that a first try under an
     * Idempotency-Key still goes through the idempotency record, so a replay of an earlier
     * success answers that success.
     */
    @Override
    public Response book(Movement movement, CreateRequest request, Function<Movement, Response> answer) {
        Response response = answer.apply(movement);
        AtomicBoolean firstTry = new AtomicBoolean(true);
        return Retrying.onConcurrentChange(MAX_ATTEMPTS, () -> {
            boolean first = firstTry.getAndSet(false);
            Item item = byId(movement.itemId()).orElseThrow(() -> ProblemException.notFound("item", movement.itemId()));
            boolean enough = item.quantity() + movement.delta() >= 0;
            if (!enough && (request.idempotencyKey() == null || !first)) {
                throw insufficient(item, movement);
            }
            List<TransactWriteItem> writes = List.of(
                    QuantityChanges.relative(table, item, movement.delta(), 0),
                    ItemItems.putMovement(table, movement));
            return creates.create(request, "stock-movements:" + movement.itemId(),
                    new Plan(writes, response, Attrs.str(ItemItems.movementKey(movement), "sk")),
                    cancelled -> cancelled.conditionFailed(0) ? new ConcurrentChange()
                            : ProblemException.conflict("movement-exists", "Movement id in use", "send the request again"),
                    sk -> movement(movement.itemId(), sk).map(answer));
        });
    }

    static ProblemException insufficient(Item item, Movement movement) {
        return new ProblemException(Problem.of(409, "insufficient-stock", "Not enough in stock",
                "only " + item.quantity() + " " + item.details().unit() + " of " + item.sku() + " on hand; "
                        + (-movement.delta()) + " asked"),
                Map.of("available", item.quantity(), "itemId", item.id()));
    }

    private Optional<Movement> movement(String itemId, String sk) {
        Map<String, AttributeValue> found = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Attrs.key("ITEM#" + itemId, sk)).consistentRead(true).build()).item();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(ItemItems.movement(found));
    }

    @Override
    public Page<Movement> movements(String itemId, PageRequest page) {
        String scope = "movements:" + itemId;
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":p", s("ITEM#" + itemId), ":m", s(ItemItems.MOVE)))
                .scanIndexForward(false)
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(r.items().stream().map(ItemItems::movement).toList(), cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public List<Long> usedSince(String itemId, Instant since) {
        List<Long> used = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                    .filterExpression("#t = :use")
                    .expressionAttributeNames(Map.of("#t", "type"))
                    .expressionAttributeValues(Map.of(":p", s("ITEM#" + itemId),
                            ":from", s(ItemItems.MOVE + ItemItems.millis(since)), ":to", s(ItemItems.MOVE + "~"),
                            ":use", s(MovementType.USE.code())))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> used.add(-Attrs.num(i, "delta")));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return used;
    }

    @Override
    public List<PricePoint> priceHistory(String itemId) {
        List<PricePoint> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :pr)")
                    .expressionAttributeValues(Map.of(":p", s("ITEM#" + itemId), ":pr", s(ItemItems.PRICE)))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(new PricePoint(Attrs.str(i, "supplierId"), Attrs.num(i, "unitPriceCents"),
                    Instant.parse(Attrs.str(i, "at")), Attrs.str(i, "source"))));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        out.sort(Comparator.comparing(PricePoint::at));
        return out;
    }
}
