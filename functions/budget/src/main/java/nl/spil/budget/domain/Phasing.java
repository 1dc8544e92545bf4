package nl.spil.budget.domain;

import java.util.List;

/**
 * A year's budget in cents spread over its months. The months always add up to the year: given
 * by the office manager (and refused when they do not add up) or spread evenly, the cents that do
 * not divide by twelve going to the first months.
 */
public record Phasing(Months months) {

    public Phasing {
        if (months.anyNegative()) {
            throw new IllegalArgumentException("a budget month is never negative");
        }
    }

    /** {@code year} spread evenly: 1000.00 is 83.34 four times and 83.33 eight times. */
    public static Phasing evenly(long year) {
        if (year < 0) {
            throw new IllegalArgumentException("a budget is never negative");
        }
        long base = year / Months.COUNT;
        long rest = year % Months.COUNT;
        Long[] months = new Long[Months.COUNT];
        for (int i = 0; i < Months.COUNT; i++) {
            months[i] = base + (i < rest ? 1 : 0);
        }
        return new Phasing(Months.of(List.of(months)));
    }

    /**
     * The office manager's own months for a year's amount.
     *
     * @throws Refusal.Refused {@code phasing-mismatch} when they do not add up to {@code year}
     */
    public static Phasing of(long year, List<Long> months) {
        Months m = Months.of(months);
        if (m.total() != year) {
            throw Refusal.refused("phasing-mismatch", "Months do not add up to the year",
                    "the twelve months add up to " + Cents.decimal(m.total(), '.') + ", the year's budget is "
                            + Cents.decimal(year, '.') + " (a difference of " + Cents.decimal(m.total() - year, '.') + ")");
        }
        return new Phasing(m);
    }

    public long year() {
        return months.total();
    }

    public long toDate(int month) {
        return months.toDate(month);
    }
}
