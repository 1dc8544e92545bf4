package nl.spil.stock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.money.Money;

/**
 * An order at one supplier for one site, charged to a cost centre and category: drafted, sent,
 * received in full or in part, or cancelled.
 */
public record PurchaseOrder(String id, String siteId, String supplierId, CostAllocation charge, Status status,
                            List<OrderLine> lines, long version, Instant createdAt, Optional<Instant> sentAt,
                            Instant updatedAt) {

    /** Lines per order: receiving writes 3 items per line, plus the order and the event, within DynamoDB's 100. */
    public static final int MAX_LINES = 30;

    public enum Status {
        DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PurchaseOrder {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines");
        }
    }

    /** A new draft of these lines, version 1. */
    public static PurchaseOrder draft(String id, String siteId, String supplierId, CostAllocation charge,
                                      List<OrderLine> lines, Instant now) {
        return new PurchaseOrder(id, siteId, supplierId, charge, Status.DRAFT, lines, 1, now, Optional.empty(), now);
    }

    /** Still bringing stock in: its outstanding quantities count as "on order". */
    public boolean isOpen() {
        return status == Status.DRAFT || status == Status.SENT || status == Status.PARTIALLY_RECEIVED;
    }

    public Money total() {
        Money total = Money.eur(0);
        for (OrderLine l : lines) {
            total = total.plus(l.amount());
        }
        return total;
    }

    /** What is ordered and not yet received, at the order's prices. */
    public Money outstanding() {
        Money total = Money.eur(0);
        for (OrderLine l : lines) {
            total = total.plus(l.unitPrice().times(l.outstanding()));
        }
        return total;
    }

    public Optional<OrderLine> line(String itemId) {
        return lines.stream().filter(l -> l.itemId().equals(itemId)).findFirst();
    }

    /** The draft, sent. */
    public PurchaseOrder sent(Instant now) {
        if (status != Status.DRAFT) {
            throw new Refused(Refused.Why.NOT_A_DRAFT, "order " + id + " is " + status.code() + "; only a draft can be sent");
        }
        return new PurchaseOrder(id, siteId, supplierId, charge, Status.SENT, lines, version + 1, createdAt,
                Optional.of(now), now);
    }

    /** The open order, cancelled: what it still had outstanding is no longer on order. */
    public PurchaseOrder cancelled(Instant now) {
        if (!isOpen()) {
            throw new Refused(Refused.Why.ORDER_CLOSED, "order " + id + " is already " + status.code());
        }
        return new PurchaseOrder(id, siteId, supplierId, charge, Status.CANCELLED, lines, version + 1, createdAt, sentAt,
                now);
    }

    /**
     * The quantities a delivery brings (item id → quantity; none named: everything outstanding),
     * without zeros.
     */
    public Map<String, Long> delivery(Map<String, Long> named) {
        Map<String, Long> quantities = new LinkedHashMap<>(named);
        if (quantities.isEmpty()) {
            lines.stream().filter(l -> l.outstanding() > 0).forEach(l -> quantities.put(l.itemId(), l.outstanding()));
        }
        quantities.values().removeIf(q -> q == 0);
        return quantities;
    }

    /** The order after receiving {@code quantities} (item id → quantity now delivered, none zero). */
    public PurchaseOrder receiving(Map<String, Long> quantities, Instant now) {
        if (status != Status.SENT && status != Status.PARTIALLY_RECEIVED) {
            throw new Refused(Refused.Why.NOT_RECEIVABLE,
                    "order " + id + " is " + status.code() + "; only a sent order can be received");
        }
        if (quantities.isEmpty()) {
            throw new Refused(Refused.Why.NOTHING_TO_RECEIVE, "order " + id + " has nothing outstanding in this delivery");
        }
        Map<String, Long> left = new LinkedHashMap<>(quantities);
        List<OrderLine> after = new ArrayList<>();
        for (OrderLine l : lines) {
            Long more = left.remove(l.itemId());
            if (more == null || more == 0) {
                after.add(l);
            } else if (more < 0 || more > l.outstanding()) {
                throw new Refused(Refused.Why.NOT_OUTSTANDING,
                        "item " + l.itemId() + ": at most " + l.outstanding() + " outstanding");
            } else {
                after.add(l.receiving(more));
            }
        }
        if (!left.isEmpty()) {
            throw new Refused(Refused.Why.NOT_OUTSTANDING, "item " + left.keySet().iterator().next() + " is not on this order");
        }
        boolean all = after.stream().allMatch(l -> l.outstanding() == 0);
        return new PurchaseOrder(id, siteId, supplierId, charge, all ? Status.RECEIVED : Status.PARTIALLY_RECEIVED, after,
                version + 1, createdAt, sentAt, now);
    }
}
