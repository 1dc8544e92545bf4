package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.app.PurchaseOrders;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.PurchaseOrderCancelled;
import nl.spil.stock.domain.PurchaseOrderReceived;
import nl.spil.stock.domain.PurchaseOrderSent;
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

/**
 * Purchase orders on the stock table: PO#id, listed per site by date through gsi2 (POS#site).
 * The e-mail to the supplier and the events for budget are outbox items in the order's own
 * transaction.
 */
@Singleton
public class DynamoPurchaseOrders implements PurchaseOrders {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Outbox outbox;

    public DynamoPurchaseOrders(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates,
                                Outbox outbox) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.outbox = outbox;
    }

    /** The dedupe key of the e-mail that sends an order to its supplier. */
    public static String emailDedupeKey(String orderId) {
        return "stock:po-email:" + orderId;
    }

    @Override
    public Optional<PurchaseOrder> byId(String id) {
        Map<String, AttributeValue> m = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(PurchaseOrderItems.key(id)).consistentRead(true).build()).item();
        return m == null || m.isEmpty() ? Optional.empty() : Optional.of(PurchaseOrderItems.order(m));
    }

    @Override
    public Page<PurchaseOrder> ofSite(String siteId, PageRequest page) {
        String scope = "orders:" + siteId;
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi2")
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", s(PurchaseOrderItems.ORDERS_OF_SITE + siteId)))
                .scanIndexForward(false)
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(r.items().stream().map(PurchaseOrderItems::order).toList(),
                cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public Response draft(List<PurchaseOrder> orders, Map<String, Item> read, CreateRequest request, Response answer,
                          Function<List<PurchaseOrder>, Optional<Response>> reanswer) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, Long> raise = new HashMap<>();
        for (PurchaseOrder o : orders) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(PurchaseOrderItems.item(o))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            o.lines().forEach(l -> raise.merge(l.itemId(), l.quantity(), Long::sum));
        }
        raise.forEach((itemId, quantity) -> writes.add(raiseOnOrder(read.get(itemId), quantity)));
        String ids = String.join(",", orders.stream().map(PurchaseOrder::id).toList());
        return creates.create(request, "purchase-orders", new Plan(writes, answer, ids), cancelled -> new ConcurrentChange(),
                created -> reanswer.apply(Arrays.stream(created.split(",")).map(this::byId).flatMap(Optional::stream).toList()));
    }

    /** onOrder += quantity, only if onOrder is still what was read. */
    private TransactWriteItem raiseOnOrder(Item read, long quantity) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ItemItems.key(read.id()))
                .conditionExpression("attribute_exists(pk) AND onOrder = :read")
                .updateExpression("SET onOrder = onOrder + :c")
                .expressionAttributeValues(Map.of(":c", n(quantity), ":read", n(read.onOrder()))).build()).build();
    }

    private TransactWriteItem replaceOrder(PurchaseOrder current, PurchaseOrder changed) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(PurchaseOrderItems.item(changed))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(current.version())))
                .build()).build();
    }

    @Override
    public void send(PurchaseOrder current, PurchaseOrder sent, EmailMessage toSupplier, PurchaseOrderSent event) {
        transact(List.of(replaceOrder(current, sent), outbox.email(toSupplier, emailDedupeKey(sent.id())),
                outbox.event(event)));
    }

    @Override
    public void receive(PurchaseOrder current, PurchaseOrder received, Map<String, Item> read, List<Movement> movements,
                        PurchaseOrderReceived event) {
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
        writes.add(outbox.event(event));
        transact(writes);
    }

    @Override
    public void cancel(PurchaseOrder current, PurchaseOrder cancelled, Optional<PurchaseOrderCancelled> event) {
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
        event.ifPresent(e -> writes.add(outbox.event(e)));
        transact(writes);
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChange();
        }
    }
}
