package nl.spil.budget.domain;

import java.time.Instant;
import nl.spil.platform.money.Money;

/**
 * A delivery of an order came in: {@code amount} is what this delivery cost (an actual expense),
 * {@code receiptId} the order's version after it, {@code complete} whether nothing is outstanding
 * any more. The event's lines are not read here.
 */
public record PurchaseOrderReceived(String eventId, String orderId, String siteId, String supplierId, String costCentre,
                                    String category, long receiptId, Instant receivedAt, Money amount, boolean complete) {
}
