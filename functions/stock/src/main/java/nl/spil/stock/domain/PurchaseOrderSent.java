package nl.spil.stock.domain;

import java.time.Instant;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.money.Money;

/**
 * An order went to its supplier: budget commits its total to the cost centre and category.
 * The contract is in docs/architecture.md ("Events between functions").
 */
public record PurchaseOrderSent(String orderId, String siteId, String supplierId, String costCentre, String category,
                                Money amount, Instant sentAt) implements DomainEvent {

    public static PurchaseOrderSent of(PurchaseOrder sent) {
        return new PurchaseOrderSent(sent.id(), sent.siteId(), sent.supplierId(), sent.charge().costCentre(),
                sent.charge().category(), sent.total(), sent.sentAt().orElseThrow());
    }

    @Override
    public String source() {
        return StockEvents.SOURCE;
    }

    @Override
    public String detailType() {
        return "PurchaseOrderSent";
    }

    @Override
    public String dedupeKey() {
        return "stock:po-sent:" + orderId;
    }
}
