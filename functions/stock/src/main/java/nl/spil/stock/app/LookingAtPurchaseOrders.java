package nl.spil.stock.app;

import jakarta.inject.Singleton;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.domain.PurchaseOrder;

/** The office manager looks at one purchase order or at a site's, newest first. */
@Singleton
public class LookingAtPurchaseOrders {

    private final PurchaseOrders orders;

    public LookingAtPurchaseOrders(PurchaseOrders orders) {
        this.orders = orders;
    }

    public PurchaseOrder byId(String id) {
        return find(orders, id);
    }

    public Page<PurchaseOrder> ofSite(String siteId, PageRequest page) {
        return orders.ofSite(siteId, page);
    }

    /** The order, or 404. */
    static PurchaseOrder find(PurchaseOrders orders, String id) {
        return orders.byId(id).orElseThrow(() -> ProblemException.notFound("purchase order", id));
    }
}
