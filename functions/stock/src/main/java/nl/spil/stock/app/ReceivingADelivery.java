package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.PurchaseOrderReceived;

/**
 * The office manager receives a delivery on a sent order, in full or in part: stock goes up, the
 * items' on-order quantities go down, the prices paid join their history, and the event that
 * books the delivery in budget is enqueued, in one transaction.
 */
@Singleton
public class ReceivingADelivery {

    private final PurchaseOrders orders;
    private final Items items;
    private final Ids ids;
    private final Clock clock;
    private final Outcomes outcomes;

    public ReceivingADelivery(PurchaseOrders orders, Items items, Ids ids, Clock clock, Outcomes outcomes) {
        this.orders = orders;
        this.items = items;
        this.ids = ids;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** @param delivered item id → quantity; empty: everything still outstanding */
    public PurchaseOrder receive(String id, Map<String, Long> delivered, Caller caller) {
        PurchaseOrder done = Retrying.onConcurrentChange(() -> {
            PurchaseOrder current = LookingAtPurchaseOrders.find(orders, id);
            Map<String, Long> quantities = current.delivery(delivered);
            Instant now = clock.instant();
            PurchaseOrder received = Refusals.guard(() -> current.receiving(quantities, now));
            Map<String, Item> read = items.byIds(quantities.keySet());
            List<Movement> movements = new ArrayList<>();
            quantities.forEach((itemId, quantity) -> movements.add(
                    Movement.restock(ids.next(), itemId, quantity, caller.id(), id, now)));
            orders.receive(current, received, read, movements, PurchaseOrderReceived.of(received, quantities));
            return received;
        });
        outcomes.record(Outcome.PURCHASE_ORDER_RECEIVED); // after the retries: the one attempt that was written
        return done;
    }
}
