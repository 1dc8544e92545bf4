package nl.spil.stock.domain;

import java.time.Instant;
import java.util.Optional;

/** Where the office buys its supplies. */
public record Supplier(String id, String name, String email, int leadTimeDays, Optional<String> notes,
                       long version, Instant createdAt, Instant updatedAt) {

    public Supplier {
        if (leadTimeDays < 0) {
            throw new IllegalArgumentException("lead time is never negative");
        }
    }
}
