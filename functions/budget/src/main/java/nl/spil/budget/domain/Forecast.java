package nl.spil.budget.domain;

/**
 * Where the year ends if spending goes on as it went: at the same pace per month (run rate), or
 * following the budget's own phasing at the share of it spent so far (seasonal spending, such as
 * the December party, is expected where the budget puts it). Whole cents, rounded half up.
 */
public record Forecast(long runRate, long phasing) {

    /**
     * @param asOfMonth the months counted so far, 1..12
     */
    public static Forecast of(long actualToDate, int asOfMonth, long budgetToDate, long budgetYear) {
        if (asOfMonth < 1 || asOfMonth > Months.COUNT) {
            throw new IllegalArgumentException("as of month 1 to 12, not " + asOfMonth);
        }
        long runRate = Cents.scale(actualToDate, Months.COUNT, asOfMonth);
        long phasing = budgetToDate > 0
                ? Cents.scale(actualToDate, budgetYear, budgetToDate)
                // nothing was planned so far: what was spent plus the rest as planned
                : Math.addExact(actualToDate, budgetYear - budgetToDate);
        return new Forecast(runRate, phasing);
    }

    public Forecast plus(Forecast other) {
        return new Forecast(Math.addExact(runRate, other.runRate), Math.addExact(phasing, other.phasing));
    }
}
