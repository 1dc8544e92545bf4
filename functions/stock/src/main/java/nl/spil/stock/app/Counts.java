package nl.spil.stock.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.stock.domain.CountLine;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.StockCount;

/** Where stock-takes and their counted lines are kept (port). */
public interface Counts {

    /** A counted line and, once booked, the quantity on hand it was compared with. */
    record StoredLine(CountLine line, Optional<Long> bookedOnHand) {

        public boolean isBooked() {
            return bookedOnHand.isPresent();
        }
    }

    /** How one line is booked: against the item as read, with the count movement when it differs. */
    record Booking(CountLine line, Item read, Optional<Movement> movement) {
    }

    Response open(StockCount count, CreateRequest request, Function<StockCount, Response> answer);

    Optional<StockCount> byId(String id);

    /** Records (or replaces) a counted quantity while the count is open and the line not yet booked. */
    void record(StockCount count, CountLine line);

    List<StoredLine> lines(String countId);

    /**
     * Books lines in one transaction: each line marked booked, each differing item set to its
     * counted quantity (only if still as read) with its count movement; {@code close} also closes
     * the count. Throws {@code ConcurrentChange} when anything changed meanwhile.
     */
    void book(StockCount count, List<Booking> bookings, boolean close, Instant now);
}
