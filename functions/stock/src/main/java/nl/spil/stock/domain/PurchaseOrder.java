package nl.spil.stock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An order at one supplier for one site: drafted, sent, received in full or in part, or cancelled. */
public record PurchaseOrder(String id, String siteId, String supplierId, Status status, List<OrderLine> lines,
                            long version, Instant createdAt, Optional<Instant> sentAt, Instant updatedAt) {

    public enum Status {
        DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public PurchaseOrder {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /** Still bringing stock in: its outstanding quantities count as "on order". */
    public boolean isOpen() {
        return status == Status.DRAFT || status == Status.SENT || status == Status.PARTIALLY_RECEIVED;
    }

    public long totalCents() {
        long total = 0;
        for (OrderLine l : lines) {
            total = Math.addExact(total, l.amountCents());
        }
        return total;
    }

    public Optional<OrderLine> line(String itemId) {
        return lines.stream().filter(l -> l.itemId().equals(itemId)).findFirst();
    }

    public PurchaseOrder sent(Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("only a draft can be sent; this order is " + status.code());
        }
        return new PurchaseOrder(id, siteId, supplierId, Status.SENT, lines, version + 1, createdAt, Optional.of(now), now);
    }

    public PurchaseOrder cancelled(Instant now) {
        if (!isOpen()) {
            throw new IllegalStateException("this order is already " + status.code());
        }
        return new PurchaseOrder(id, siteId, supplierId, Status.CANCELLED, lines, version + 1, createdAt, sentAt, now);
    }

    /**
     * The order after receiving {@code quantities} (item id → quantity now delivered).
     *
     * @throws IllegalArgumentException for an item not on the order or more than is outstanding
     * @throws IllegalStateException    when the order was not sent or is closed
     */
    public PurchaseOrder receiving(Map<String, Long> quantities, Instant now) {
        if (status != Status.SENT && status != Status.PARTIALLY_RECEIVED) {
            throw new IllegalStateException("only a sent order can be received; this order is " + status.code());
        }
        Map<String, Long> left = new LinkedHashMap<>(quantities);
        List<OrderLine> after = new ArrayList<>();
        for (OrderLine l : lines) {
            Long more = left.remove(l.itemId());
            if (more == null || more == 0) {
                after.add(l);
            } else if (more < 0 || more > l.outstanding()) {
                throw new IllegalArgumentException("item " + l.itemId() + ": at most " + l.outstanding() + " outstanding");
            } else {
                after.add(l.receiving(more));
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("item " + left.keySet().iterator().next() + " is not on this order");
        }
        boolean all = after.stream().allMatch(l -> l.outstanding() == 0);
        return new PurchaseOrder(id, siteId, supplierId, all ? Status.RECEIVED : Status.PARTIALLY_RECEIVED, after,
                version + 1, createdAt, sentAt, now);
    }
}
