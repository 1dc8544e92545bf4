package nl.spil.budget.domain;

import java.util.Optional;

/**
 * The running totals of one cost centre, category and year: the budget (if set), the actual
 * spending per month, what open purchase orders still commit, and the threshold counters. Every
 * booking changes it in the same transaction as the expense, under its version, so a report reads
 * these instead of the expenses and a crossing is decided once.
 *
 * @param version 0 while nothing is stored; every booking and budget change moves it on
 */
public record CategoryYear(String costCentre, String category, int year, Optional<Budget> budget, Months actual,
                           long committed, Generations generations, long version) {

    public static CategoryYear empty(String costCentre, String category, int year) {
        return new CategoryYear(costCentre, category, year, Optional.empty(), Months.zero(), 0, Generations.NONE, 0);
    }

    public BudgetKey key() {
        return new BudgetKey(costCentre, category, year);
    }

    public long budgetYear() {
        return budget.map(b -> b.phasing().year()).orElse(0L);
    }

    public long budgetToDate(int month) {
        return budget.map(b -> b.phasing().toDate(month)).orElse(0L);
    }

    public Usage usage(int asOfMonth) {
        return new Usage(budgetToDate(asOfMonth), budgetYear(), actual.toDate(asOfMonth), actual.total());
    }

    public CategoryYear withActual(int month, long delta) {
        return new CategoryYear(costCentre, category, year, budget, actual.plus(month, delta), committed, generations, version);
    }

    public CategoryYear withCommitted(long delta) {
        return new CategoryYear(costCentre, category, year, budget, actual, Math.addExact(committed, delta), generations, version);
    }

    public CategoryYear withBudget(Budget set) {
        return new CategoryYear(costCentre, category, year, Optional.of(set), actual, committed, generations, version);
    }

    public CategoryYear withGenerations(Generations next) {
        return new CategoryYear(costCentre, category, year, budget, actual, committed, next, version);
    }
}
