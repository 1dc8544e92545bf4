package nl.spil.budget.domain;

import java.time.Instant;
import nl.spil.platform.money.Money;

/** An order was cancelled: what it still had outstanding ({@code released}) is no longer committed. */
public record PurchaseOrderCancelled(String eventId, String orderId, String siteId, String costCentre, String category,
                                     Instant cancelledAt, Money released) {
}
