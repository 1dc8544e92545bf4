package nl.spil.stock.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One entry of an item's append-only ledger: the signed change of its quantity on hand. */
public record Movement(String id, String itemId, MovementType type, long delta, String byPersonId,
                       Optional<String> note, Instant at) {

    public Movement {
        if (delta == 0) {
            throw new IllegalArgumentException("a movement changes the quantity");
        }
    }

    /** The count that opens a new item's ledger; empty when it starts with nothing. */
    public static Optional<Movement> opening(String id, Item item, String byPersonId) {
        return item.quantity() == 0 ? Optional.empty() : Optional.of(new Movement(id, item.id(), MovementType.COUNT,
                item.quantity(), byPersonId, Optional.of("opening balance"), item.createdAt()));
    }

    /** What someone records: {@code quantity} used or restocked, or a signed correction. */
    public static Movement recorded(String id, String itemId, MovementType type, long quantity, String byPersonId,
                                    Optional<String> note, Instant at) {
        return new Movement(id, itemId, type, type.delta(quantity), byPersonId, note, at);
    }

    /** The difference a stock-take books; empty when the count agrees with the books. */
    public static Optional<Movement> counted(String id, Item item, CountLine line, String byPersonId, String countId,
                                             Instant at) {
        long difference = line.differenceFrom(item.quantity());
        return difference == 0 ? Optional.empty() : Optional.of(new Movement(id, item.id(), MovementType.COUNT, difference,
                byPersonId, Optional.of("stock-take " + countId), at));
    }

    /** A delivery of {@code quantity} on a purchase order. */
    public static Movement restock(String id, String itemId, long quantity, String byPersonId, String orderId,
                                   Instant at) {
        return new Movement(id, itemId, MovementType.RESTOCK, quantity, byPersonId, Optional.of("purchase order " + orderId),
                at);
    }

    /** The quantity a ledger adds up to. */
    public static long sum(List<Movement> ledger) {
        long total = 0;
        for (Movement m : ledger) {
            total = Math.addExact(total, m.delta());
        }
        return total;
    }
}
