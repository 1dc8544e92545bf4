package nl.spil.budget.domain;

/**
 * How many times a category-year has crossed each threshold upwards. Each crossing gets the next
 * number, so an alert's dedupe key names the crossing: the same crossing is told once, a new one
 * (after spending fell below, for example by a reversal or because a new month's budget came in)
 * is told again.
 */
public record Generations(int watch, int over) {

    public static final Generations NONE = new Generations(0, 0);

    public int of(Threshold threshold) {
        return threshold == Threshold.WATCH ? watch : over;
    }

    Generations next(Threshold threshold) {
        return threshold == Threshold.WATCH ? new Generations(watch + 1, over) : new Generations(watch, over + 1);
    }
}
