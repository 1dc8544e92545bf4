package nl.spil.stock.domain;

/** One line of a purchase order: what was ordered of an item, at what price, and what came in. */
public record OrderLine(String itemId, String sku, String name, long quantity, long received, long unitPriceCents) {

    public OrderLine {
        if (quantity < 1 || received < 0 || received > quantity || unitPriceCents < 0) {
            throw new IllegalArgumentException("an order line orders at least 1 and receives at most what it orders");
        }
    }

    public long outstanding() {
        return quantity - received;
    }

    public long amountCents() {
        return Math.multiplyExact(quantity, unitPriceCents);
    }

    public OrderLine receiving(long more) {
        return new OrderLine(itemId, sku, name, quantity, received + more, unitPriceCents);
    }
}
