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

    /** A new supplier, version 1. */
    public static Supplier add(String id, String name, String email, int leadTimeDays, Optional<String> notes, Instant now) {
        return new Supplier(id, name, email, leadTimeDays, notes, 1, now, now);
    }

    /** The supplier with new contact details, one version on. */
    public Supplier changedTo(String newName, String newEmail, int newLeadTimeDays, Optional<String> newNotes, Instant now) {
        return new Supplier(id, newName, newEmail, newLeadTimeDays, newNotes, version + 1, createdAt, now);
    }
}
