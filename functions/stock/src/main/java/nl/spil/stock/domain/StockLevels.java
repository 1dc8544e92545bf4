package nl.spil.stock.domain;

/** The arithmetic of stock levels: when an item is low and how much to order. */
public final class StockLevels {

    private StockLevels() {
    }

    public static boolean isLow(long quantity, long minimum) {
        return quantity < minimum;
    }

    /** reorder-up-to minus on hand minus on order, never below zero. */
    public static long suggestedOrder(long onHand, long onOrder, long reorderUpTo) {
        return Math.max(0, reorderUpTo - onHand - onOrder);
    }

    /**
     * The quantity threshold that decides, for a change of {@code delta}, whether the item is low
     * afterwards: low after the change exactly when the current quantity is below
     * {@code minimum - delta}.
     */
    public static long lowThreshold(long minimum, long delta) {
        return minimum - delta;
    }
}
