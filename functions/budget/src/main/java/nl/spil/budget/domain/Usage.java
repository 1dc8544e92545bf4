package nl.spil.budget.domain;

/**
 * How much of a budget is spent, on both bases people care about: the budget to date (the
 * months so far, as phased) and the budget for the year. A threshold is reached when either
 * basis reaches it; spending against a basis of zero reaches every threshold (money was spent that
 * was not planned), and no spending never does. Exact integer comparisons, no rounding.
 */
public record Usage(long budgetToDate, long budgetYear, long actualToDate, long actualYear) {

    public boolean reached(Threshold threshold) {
        return reached(actualToDate, budgetToDate, threshold) || reached(actualYear, budgetYear, threshold);
    }

    private static boolean reached(long actual, long budget, Threshold threshold) {
        if (budget <= 0) {
            return actual > 0;
        }
        return Math.multiplyExact(actual, 100L) >= Math.multiplyExact(budget, (long) threshold.percent());
    }

    public Status status() {
        return reached(Threshold.OVER) ? Status.OVER : reached(Threshold.WATCH) ? Status.WATCH : Status.OK;
    }
}
