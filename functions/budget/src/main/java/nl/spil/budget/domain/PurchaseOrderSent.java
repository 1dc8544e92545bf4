package nl.spil.budget.domain;

import java.time.Instant;
import nl.spil.platform.money.Money;

/**
 * Stock sent an order to its supplier: its total is now committed. The budget's reading of the
 * event (docs/architecture.md, "Events between functions"); {@code eventId} is the notifier's.
 */
public record PurchaseOrderSent(String eventId, String orderId, String siteId, String supplierId, String costCentre,
                                String category, Money amount, Instant sentAt) {
}
