package nl.spil.budget.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a set of expenses and commitment changes does to the running totals they touch: each
 * category-year's months and commitment, and whether spending crossed a threshold (judged as of
 * the booking: {@link AsOf}). Commitments never cross a threshold; only spending does.
 */
public final class Bookkeeping {

    private Bookkeeping() {
    }

    /** The totals to write and the crossings to tell. */
    public record Result(List<CategoryYearChange> changes, List<BudgetThresholdCrossed> crossings) {
    }

    /**
     * @param read        every category-year touched, as read (an empty one where nothing is stored)
     * @param expenses    the new expenses (reversals are negative)
     * @param commitments commitment changes per category-year
     * @param today       today in the organisation's zone
     */
    public static Result book(Map<BudgetKey, CategoryYear> read, List<Expense> expenses, Map<BudgetKey, Long> commitments,
                              LocalDate today, Instant now) {
        Map<BudgetKey, CategoryYear> after = new LinkedHashMap<>();
        Map<BudgetKey, Integer> latestMonth = new LinkedHashMap<>();
        Map<BudgetKey, String> cause = new LinkedHashMap<>();
        for (Expense e : expenses) {
            BudgetKey key = new BudgetKey(e.costCentre(), e.category(), e.year());
            CategoryYear current = after.getOrDefault(key, required(read, key));
            after.put(key, current.withActual(e.month(), e.amountCents()));
            latestMonth.merge(key, e.month(), Math::max);
            if (e.amountCents() > 0) {
                cause.putIfAbsent(key, e.id());
            }
        }
        commitments.forEach((key, delta) -> {
            if (delta != 0) {
                after.put(key, after.getOrDefault(key, required(read, key)).withCommitted(delta));
            }
        });
        List<CategoryYearChange> changes = new ArrayList<>();
        List<BudgetThresholdCrossed> crossings = new ArrayList<>();
        for (Map.Entry<BudgetKey, CategoryYear> e : after.entrySet()) {
            CategoryYear before = read.get(e.getKey());
            CategoryYear changed = e.getValue();
            Integer booked = latestMonth.get(e.getKey());
            if (booked != null) {
                int asOf = AsOf.month(e.getKey().year(), booked, today);
                Crossing.Outcome outcome = Crossing.between(before.usage(asOf), changed.usage(asOf), before.generations(), asOf);
                changed = changed.withGenerations(outcome.generations());
                Optional<Crossing> crossing = outcome.crossing();
                if (crossing.isPresent()) {
                    String expenseId = cause.getOrDefault(e.getKey(), expenses.get(0).id());
                    crossings.add(BudgetThresholdCrossed.of(changed, crossing.get(), expenseId, now));
                }
            }
            changes.add(new CategoryYearChange(before, changed));
        }
        return new Result(List.copyOf(changes), List.copyOf(crossings));
    }

    private static CategoryYear required(Map<BudgetKey, CategoryYear> read, BudgetKey key) {
        CategoryYear y = read.get(key);
        if (y == null) {
            throw new IllegalArgumentException("category-year " + key.id() + " was not read");
        }
        return y;
    }
}
