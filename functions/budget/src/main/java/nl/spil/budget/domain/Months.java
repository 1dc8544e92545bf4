package nl.spil.budget.domain;

import java.util.Arrays;
import java.util.List;

/** Twelve amounts in cents, January to December; immutable. */
public final class Months {

    public static final int COUNT = 12;
    private static final Months ZERO = new Months(new long[COUNT]);

    private final long[] cents;

    private Months(long[] cents) {
        this.cents = cents;
    }

    public static Months zero() {
        return ZERO;
    }

    public static Months of(List<Long> cents) {
        if (cents.size() != COUNT) {
            throw new IllegalArgumentException("twelve months, not " + cents.size());
        }
        long[] out = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            out[i] = cents.get(i);
        }
        return new Months(out);
    }

    /** Month 1..12. */
    public long get(int month) {
        return cents[index(month)];
    }

    /** January up to and including {@code month} (0: nothing). */
    public long toDate(int month) {
        if (month < 0 || month > COUNT) {
            throw new IllegalArgumentException("month " + month);
        }
        long sum = 0;
        for (int i = 0; i < month; i++) {
            sum = Math.addExact(sum, cents[i]);
        }
        return sum;
    }

    public long total() {
        return toDate(COUNT);
    }

    public Months plus(int month, long delta) {
        long[] out = cents.clone();
        out[index(month)] = Math.addExact(out[index(month)], delta);
        return new Months(out);
    }

    public boolean anyNegative() {
        return Arrays.stream(cents).anyMatch(c -> c < 0);
    }

    public List<Long> toList() {
        return Arrays.stream(cents).boxed().toList();
    }

    private static int index(int month) {
        if (month < 1 || month > COUNT) {
            throw new IllegalArgumentException("month must be 1 to 12, not " + month);
        }
        return month - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Months m && Arrays.equals(cents, m.cents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cents);
    }

    @Override
    public String toString() {
        return Arrays.toString(cents);
    }
}
