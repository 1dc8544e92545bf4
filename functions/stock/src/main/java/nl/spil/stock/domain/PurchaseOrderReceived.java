package nl.spil.stock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.money.Money;

/**
 * A delivery came in: budget books {@code amount} (this delivery at the order's prices) as an
 * expense and releases it from the commitment. {@code receiptId} is the order's version after
 * this delivery, so each delivery of an order has its own.
 */
public record PurchaseOrderReceived(String orderId, String siteId, String supplierId, String costCentre,
                                    String category, long receiptId, Instant receivedAt, Money amount,
                                    List<Line> lines, boolean complete) implements DomainEvent {

    /** One item of the delivery. */
    public record Line(String itemId, String sku, long quantity, Money unitPrice, Money amount) {
    }

    public PurchaseOrderReceived {
        lines = List.copyOf(lines);
    }

    /** The delivery of {@code quantities} (item id → quantity) that made {@code received}. */
    public static PurchaseOrderReceived of(PurchaseOrder received, Map<String, Long> quantities) {
        List<Line> lines = new ArrayList<>();
        Money total = Money.eur(0);
        for (var delivered : quantities.entrySet()) {
            OrderLine line = received.line(delivered.getKey()).orElseThrow();
            Money amount = line.unitPrice().times(delivered.getValue());
            lines.add(new Line(line.itemId(), line.sku(), delivered.getValue(), line.unitPrice(), amount));
            total = total.plus(amount);
        }
        return new PurchaseOrderReceived(received.id(), received.siteId(), received.supplierId(),
                received.charge().costCentre(), received.charge().category(), received.version(), received.updatedAt(),
                total, lines, received.status() == PurchaseOrder.Status.RECEIVED);
    }

    @Override
    public String source() {
        return StockEvents.SOURCE;
    }

    @Override
    public String detailType() {
        return "PurchaseOrderReceived";
    }

    @Override
    public String dedupeKey() {
        return "stock:po-received:" + orderId + ":" + receiptId;
    }
}
