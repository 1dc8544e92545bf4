package nl.spil.budget.domain;

import java.time.Instant;

/** Budgets for tests. */
final class Budgets {

    private Budgets() {
    }

    static Budget of(String costCentre, String category, int year, Phasing phasing) {
        return new Budget(new BudgetKey(costCentre, category, year), phasing, 1, Instant.parse("2027-01-01T00:00:00Z"), "olga");
    }
}
