package nl.spil.stock.domain;

import java.time.Instant;
import java.util.Optional;

/** A stock-take at a site: open while counting, closed once its differences are booked. */
public record StockCount(String id, String siteId, Status status, String openedBy, Instant openedAt,
                         Optional<Instant> closedAt) {

    public enum Status { OPEN, CLOSED }

    /** A new count at a site, open. */
    public static StockCount open(String id, String siteId, String openedBy, Instant now) {
        return new StockCount(id, siteId, Status.OPEN, openedBy, now, Optional.empty());
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
