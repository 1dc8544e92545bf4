package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.PurchaseOrderCancelled;

/**
 * The office manager cancels an open order: what it still had outstanding is no longer on order,
 * and, when it had been sent, budget is told to release that much of the commitment.
 */
@Singleton
public class CancellingAPurchaseOrder {

    private final PurchaseOrders orders;
    private final Clock clock;

    public CancellingAPurchaseOrder(PurchaseOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public PurchaseOrder cancel(String id) {
        PurchaseOrder current = LookingAtPurchaseOrders.find(orders, id);
        PurchaseOrder cancelled = Refusals.guard(() -> current.cancelled(clock.instant()));
        try {
            orders.cancel(current, cancelled, PurchaseOrderCancelled.of(current, cancelled));
        } catch (ConcurrentChange changed) {
            throw ProblemException.stale("order " + id + " was changed meanwhile; reload it");
        }
        return cancelled;
    }
}
