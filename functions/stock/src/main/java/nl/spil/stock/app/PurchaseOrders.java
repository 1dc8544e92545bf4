package nl.spil.stock.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.PurchaseOrderCancelled;
import nl.spil.stock.domain.PurchaseOrderReceived;
import nl.spil.stock.domain.PurchaseOrderSent;

/**
 * Where purchase orders are kept (port). Every change also keeps the items' "on order" true, and
 * the e-mails and events it causes are written in the same transaction (outbox). Each change
 * throws {@code ConcurrentChange} when the order or an item changed since it was read.
 */
public interface PurchaseOrders {

    Optional<PurchaseOrder> byId(String id);

    Page<PurchaseOrder> ofSite(String siteId, PageRequest page);

    /**
     * Writes new draft orders and raises each item's on-order quantity (only if it is still what
     * was read, so two drafts made at once do not both order the same shortage).
     */
    Response draft(List<PurchaseOrder> orders, Map<String, Item> read, CreateRequest request, Response answer,
                   Function<List<PurchaseOrder>, Optional<Response>> reanswer);

    /** Marks the order sent, with the e-mail to the supplier and the event. */
    void send(PurchaseOrder current, PurchaseOrder sent, EmailMessage toSupplier, PurchaseOrderSent event);

    /**
     * Books a delivery: the order's received quantities, each item's stock up and on-order down
     * with its restock movement and the price paid, and the event.
     */
    void receive(PurchaseOrder current, PurchaseOrder received, Map<String, Item> read, List<Movement> movements,
                 PurchaseOrderReceived event);

    /** Cancels the order, takes what it still had outstanding off the items' on-order, with the event if any. */
    void cancel(PurchaseOrder current, PurchaseOrder cancelled, Optional<PurchaseOrderCancelled> event);
}
