package nl.spil.budget.domain;

/** The shares of a budget people are told about when spending crosses them. */
public enum Threshold {
    /** 80 %: time to watch. */
    WATCH(80),
    /** 100 %: over budget. */
    OVER(100);

    private final int percent;

    Threshold(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    public static Threshold ofPercent(int percent) {
        for (Threshold t : values()) {
            if (t.percent == percent) {
                return t;
            }
        }
        throw new IllegalArgumentException("no threshold at " + percent + " %");
    }
}
