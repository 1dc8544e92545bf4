package nl.spil.stock.domain;

import nl.spil.platform.money.Money;

/** One line of a purchase order: what was ordered of an item, at what price, and what came in. */
public record OrderLine(String itemId, String sku, String name, long quantity, long received, long unitPriceCents) {

    public OrderLine {
        if (quantity < 1 || received < 0 || received > quantity || unitPriceCents < 0) {
            throw new IllegalArgumentException("an order line orders at least 1 and receives at most what it orders");
        }
    }

    /** A new line: {@code quantity} of the item at its current unit price. */
    public static OrderLine of(Item item, long quantity) {
        return new OrderLine(item.id(), item.sku(), item.details().name(), quantity, 0, item.details().unitPriceCents());
    }

    public long outstanding() {
        return quantity - received;
    }

    public Money unitPrice() {
        return Money.eur(unitPriceCents);
    }

    public Money amount() {
        return unitPrice().times(quantity);
    }

    public OrderLine receiving(long more) {
        return new OrderLine(itemId, sku, name, quantity, received + more, unitPriceCents);
    }
}
