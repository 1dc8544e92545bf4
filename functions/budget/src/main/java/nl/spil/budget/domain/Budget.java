package nl.spil.budget.domain;

import java.time.Instant;

/** A year's budget of one cost centre and category with its monthly phasing, as last set. */
public record Budget(BudgetKey key, Phasing phasing, long version, Instant updatedAt, String updatedBy) {

    public String id() {
        return key.id();
    }
}
