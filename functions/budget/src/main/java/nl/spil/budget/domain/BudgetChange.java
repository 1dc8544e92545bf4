package nl.spil.budget.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of a budget, kept for ever: the budget's version it made (1 when the budget was set),
 * who, when, and the phasing before (none when it was set) and after.
 */
public record BudgetChange(String id, String budgetId, long version, String by, Instant at, Optional<Phasing> before,
                           Phasing after) {
}
