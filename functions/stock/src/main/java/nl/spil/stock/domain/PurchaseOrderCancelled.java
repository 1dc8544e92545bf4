package nl.spil.stock.domain;

import java.time.Instant;
import java.util.Optional;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.money.Money;

/**
 * A sent order was cancelled: budget releases {@code released}, what was still outstanding at the
 * order's prices. A draft committed nothing, so cancelling one tells budget nothing.
 */
public record PurchaseOrderCancelled(String orderId, String siteId, String costCentre, String category,
                                     Instant cancelledAt, Money released) implements DomainEvent {

    /** The event for an order cancelled from {@code before}; empty when it was never sent. */
    public static Optional<PurchaseOrderCancelled> of(PurchaseOrder before, PurchaseOrder cancelled) {
        if (before.sentAt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PurchaseOrderCancelled(cancelled.id(), cancelled.siteId(), cancelled.charge().costCentre(),
                cancelled.charge().category(), cancelled.updatedAt(), before.outstanding()));
    }

    @Override
    public String source() {
        return StockEvents.SOURCE;
    }

    @Override
    public String detailType() {
        return "PurchaseOrderCancelled";
    }

    @Override
    public String dedupeKey() {
        return "stock:po-cancelled:" + orderId;
    }
}
