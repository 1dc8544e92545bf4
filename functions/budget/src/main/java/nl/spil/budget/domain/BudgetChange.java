package nl.spil.budget.domain;

import java.time.Instant;
import java.util.Optional;

/** One change of a budget, kept for ever: who, when, and the phasing before (none when it was set) and after. */
public record BudgetChange(String id, String budgetId, String by, Instant at, Optional<Phasing> before, Phasing after) {
}
