package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.app.PurchaseOrders;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Purchase orders on the stock table: PO#id, listed per site by date through gsi2 (POS#site). */
@Singleton
public class DynamoPurchaseOrders implements PurchaseOrders {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoPurchaseOrders(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("PO#" + id, "PO");
    }

    @Override
    public Optional<PurchaseOrder> byId(String id) {
        Map<String, AttributeValue> m = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id))
                .consistentRead(true).build()).item();
        return m == null || m.isEmpty() ? Optional.empty() : Optional.of(order(m));
    }

    @Override
    public Page<PurchaseOrder> ofSite(String siteId, PageRequest page) {
        String scope = "orders:" + siteId;
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi2")
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", s("POS#" + siteId)))
                .scanIndexForward(false)
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(r.items().stream().map(DynamoPurchaseOrders::order).toList(), cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public Response draft(List<PurchaseOrder> orders, Map<String, Item> read, CreateRequest request, Response answer,
                          Function<List<PurchaseOrder>, Optional<Response>> reanswer) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, Long> raise = new HashMap<>();
        for (PurchaseOrder o : orders) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(o))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            o.lines().forEach(l -> raise.merge(l.itemId(), l.quantity(), Long::sum));
        }
        raise.forEach((itemId, quantity) -> writes.add(onOrder(read.get(itemId), quantity, true)));
        String ids = String.join(",", orders.stream().map(PurchaseOrder::id).toList());
        return creates.create(request, "purchase-orders", new Plan(writes, answer, ids), cancelled -> new ConcurrentChange(),
                created -> reanswer.apply(Arrays.stream(created.split(",")).map(this::byId).flatMap(Optional::stream).toList()));
    }

    /** onOrder += change; with {@code exact}, only if onOrder is still what was read. */
    private TransactWriteItem onOrder(Item read, long change, boolean exact) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":c", n(change));
        String condition = "attribute_exists(pk)";
        if (exact) {
            values.put(":read", n(read.onOrder()));
            condition += " AND onOrder = :read";
        } else if (change < 0) {
            values.put(":need", n(-change));
            condition += " AND onOrder >= :need";
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(read.id()))
                .conditionExpression(condition).updateExpression("SET onOrder = onOrder + :c")
                .expressionAttributeValues(values).build()).build();
    }

    private TransactWriteItem replaceOrder(PurchaseOrder current, PurchaseOrder changed) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(changed))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(current.version())))
                .build()).build();
    }

    @Override
    public void send(PurchaseOrder current, PurchaseOrder sent, TransactWriteItem email) {
        transact(List.of(replaceOrder(current, sent), email));
    }

    @Override
    public void receive(PurchaseOrder current, PurchaseOrder received, Map<String, Item> read, List<Movement> movements,
                        TransactWriteItem event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(replaceOrder(current, received));
        for (Movement m : movements) {
            Item item = read.get(m.itemId());
            long onOrderDown = -Math.min(item.onOrder(), m.delta());
            writes.add(QuantityChanges.relative(table, item, m.delta(), onOrderDown));
            writes.add(ItemItems.putMovement(table, m));
            OrderLine line = received.line(m.itemId()).orElseThrow();
            writes.add(ItemItems.putPrice(table, m.itemId(), Optional.of(received.supplierId()), line.unitPriceCents(),
                    m.at(), "purchase-order " + received.id(), received.id()));
        }
        writes.add(event);
        transact(writes);
    }

    @Override
    public void cancel(PurchaseOrder current, PurchaseOrder cancelled) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(replaceOrder(current, cancelled));
        for (OrderLine l : current.lines()) {
            if (l.outstanding() > 0) {
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(l.itemId()))
                        .conditionExpression("attribute_exists(pk) AND onOrder >= :need")
                        .updateExpression("SET onOrder = onOrder - :need")
                        .expressionAttributeValues(Map.of(":need", n(l.outstanding())))
                        .build()).build());
            }
        }
        transact(writes);
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChange();
        }
    }

    private static Map<String, AttributeValue> item(PurchaseOrder o) {
        Map<String, AttributeValue> m = new HashMap<>(key(o.id()));
        m.put("kind", s("PO"));
        m.put("poId", s(o.id()));
        m.put("siteId", s(o.siteId()));
        m.put("supplierId", s(o.supplierId()));
        m.put("status", s(o.status().name()));
        m.put("gsi2pk", s("POS#" + o.siteId()));
        m.put("gsi2sk", s(ItemItems.millis(o.createdAt()) + "#" + o.id()));
        List<AttributeValue> lines = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            lines.add(AttributeValue.fromM(Map.of("itemId", s(l.itemId()), "sku", s(l.sku()), "name", s(l.name()),
                    "quantity", n(l.quantity()), "received", n(l.received()), "unitPriceCents", n(l.unitPriceCents()))));
        }
        m.put("lines", AttributeValue.fromL(lines));
        m.put("version", n(o.version()));
        m.put("createdAt", s(o.createdAt().toString()));
        o.sentAt().ifPresent(t -> m.put("sentAt", s(t.toString())));
        m.put("updatedAt", s(o.updatedAt().toString()));
        return m;
    }

    private static PurchaseOrder order(Map<String, AttributeValue> m) {
        List<OrderLine> lines = new ArrayList<>();
        for (AttributeValue v : m.get("lines").l()) {
            Map<String, AttributeValue> l = v.m();
            lines.add(new OrderLine(Attrs.str(l, "itemId"), Attrs.str(l, "sku"), Attrs.str(l, "name"),
                    Attrs.num(l, "quantity"), Attrs.num(l, "received"), Attrs.num(l, "unitPriceCents")));
        }
        return new PurchaseOrder(Attrs.str(m, "poId"), Attrs.str(m, "siteId"), Attrs.str(m, "supplierId"),
                PurchaseOrder.Status.valueOf(Attrs.str(m, "status")), lines, Attrs.num(m, "version"),
                Instant.parse(Attrs.str(m, "createdAt")), Attrs.optStr(m, "sentAt").map(Instant::parse),
                Instant.parse(Attrs.str(m, "updatedAt")));
    }
}
