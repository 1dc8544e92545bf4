package nl.spil.stock.domain;

/** A counted quantity of one item in a stock-take, and its difference with the books. */
public record CountLine(String itemId, long counted) {

    public CountLine {
        if (counted < 0) {
            throw new IllegalArgumentException("a counted quantity is never negative");
        }
    }

    /** What to book so that the quantity on hand becomes the counted one. */
    public long differenceFrom(long onHand) {
        return counted - onHand;
    }
}
