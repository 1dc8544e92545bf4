package nl.spil.stock.domain;

/** What the stock function's events have in common. */
final class StockEvents {

    /** The source of every event the stock function produces. */
    static final String SOURCE = "nl.spil.stock";

    private StockEvents() {
    }
}
