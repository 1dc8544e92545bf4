package nl.spil.stock.app;

import nl.spil.platform.retry.ConcurrentChange;

import nl.spil.platform.idempotency.CreateRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.PurchaseOrder;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Where purchase orders are kept (port). Every change also keeps the items' "on order" true. */
public interface PurchaseOrders {

    Optional<PurchaseOrder> byId(String id);

    Page<PurchaseOrder> ofSite(String siteId, PageRequest page);

    /**
     * Writes new draft orders and raises each item's on-order quantity (only if it is still what
     * was read, so two drafts made at once do not both order the same shortage).
     */
    Response draft(List<PurchaseOrder> orders, Map<String, Item> read, CreateRequest request, Response answer,
                   Function<List<PurchaseOrder>, Optional<Response>> reanswer);

    /** Marks the order sent and enqueues the e-mail to the supplier, in one transaction. */
    void send(PurchaseOrder current, PurchaseOrder sent, TransactWriteItem email);

    /**
     * Books a delivery: the order's received quantities, each item's stock up and on-order down
     * with its restock movement and the price paid, and the domain event, in one transaction.
     * Throws {@code ConcurrentChange} when an item or the order changed meanwhile.
     */
    void receive(PurchaseOrder current, PurchaseOrder received, Map<String, Item> read, List<Movement> movements,
                 TransactWriteItem event);

    /** Cancels the order and takes what it still had outstanding off the items' on-order. */
    void cancel(PurchaseOrder current, PurchaseOrder cancelled);
}
