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

    /** The quantity a ledger adds up to. */
    public static long sum(List<Movement> ledger) {
        long total = 0;
        for (Movement m : ledger) {
            total = Math.addExact(total, m.delta());
        }
        return total;
    }
}
