package nl.spil.stock.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * An office supply kept at a site. {@code quantity} is the quantity on hand (never negative, the
 * sum of the item's ledger); {@code onOrder} is what open purchase orders still bring in.
 */
public record Item(String id, String siteId, String sku, ItemDetails details, long quantity, long onOrder,
                   long version, Instant createdAt, Instant updatedAt) {

    /** What the office manager sets and may change. */
    public record ItemDetails(String name, String unit, Optional<String> location, long minimum, long reorderUpTo,
                              Optional<String> supplierId, long unitPriceCents) {

        public ItemDetails {
            if (minimum < 0 || reorderUpTo < 0 || unitPriceCents < 0) {
                throw new IllegalArgumentException("levels and price must not be negative");
            }
            if (reorderUpTo < minimum) {
                throw new IllegalArgumentException("reorder-up-to level must be at least the minimum");
            }
        }
    }

    public Item {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity on hand is never negative");
        }
    }

    /** A new item at a site with {@code quantity} on hand (its opening movement books it), version 1. */
    public static Item open(String id, String siteId, String sku, ItemDetails details, long quantity, Instant now) {
        return new Item(id, siteId, sku, details, quantity, 0, 1, now, now);
    }

    /** Below its minimum: in the low-stock index. */
    public boolean isLow() {
        return StockLevels.isLow(quantity, details.minimum());
    }

    /** What to order now: up to the reorder level, minus what is on hand and already on order. */
    public long suggestedOrder() {
        return StockLevels.suggestedOrder(quantity, onOrder, details.reorderUpTo());
    }

    public boolean hasOpenOrder() {
        return onOrder > 0;
    }

    public Item changedTo(ItemDetails changed, Instant now) {
        return new Item(id, siteId, sku, changed, quantity, onOrder, version + 1, createdAt, now);
    }
}
