package nl.spil.budget.domain;

import java.util.List;
import java.util.Optional;

/**
 * A category's (or a cost centre's) figures as of the end of a month, all in integer cents:
 * budget for the year and to date, actual to date, still committed by open purchase orders,
 * available (the year's budget less actual and committed), variance (budget to date less actual:
 * negative is overspent) in cents and basis points of the budget to date, the forecasts and the
 * status. Percentages are absent where the budget to date is zero.
 */
public record Figures(long budgetYear, long budgetToDate, long actualToDate, long committed, long available,
                      long variance, Optional<Long> varianceBasisPoints, Optional<Long> usedBasisPoints,
                      Forecast forecast, Status status) {

    public static Figures of(CategoryYear totals, int month) {
        long budgetToDate = totals.budgetToDate(month);
        long actual = totals.actual().toDate(month);
        return figures(totals.budgetYear(), budgetToDate, actual, totals.committed(),
                Forecast.of(actual, month, budgetToDate, totals.budgetYear()));
    }

    /** The figures of several categories together (a cost centre's total). */
    public static Figures sum(List<Figures> parts) {
        long budgetYear = 0;
        long budgetToDate = 0;
        long actual = 0;
        long committed = 0;
        Forecast forecast = new Forecast(0, 0);
        for (Figures f : parts) {
            budgetYear = Math.addExact(budgetYear, f.budgetYear);
            budgetToDate = Math.addExact(budgetToDate, f.budgetToDate);
            actual = Math.addExact(actual, f.actualToDate);
            committed = Math.addExact(committed, f.committed);
            forecast = forecast.plus(f.forecast);
        }
        return figures(budgetYear, budgetToDate, actual, committed, forecast);
    }

    private static Figures figures(long budgetYear, long budgetToDate, long actual, long committed, Forecast forecast) {
        long variance = Math.subtractExact(budgetToDate, actual);
        Optional<Long> varianceBp = budgetToDate > 0 ? Optional.of(Cents.basisPoints(variance, budgetToDate)) : Optional.empty();
        Optional<Long> usedBp = budgetToDate > 0 ? Optional.of(Cents.basisPoints(actual, budgetToDate)) : Optional.empty();
        Status status = new Usage(budgetToDate, budgetYear, actual, actual).status();
        return new Figures(budgetYear, budgetToDate, actual, committed, budgetYear - actual - committed, variance,
                varianceBp, usedBp, forecast, status);
    }
}
