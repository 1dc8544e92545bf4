package nl.spil.stock.domain;

import java.util.List;
import java.util.Optional;

/** How many days the stock on hand lasts at the rate it was used over a recent window. */
public final class DaysOfCover {

    public static final int WINDOW_DAYS = 30;

    private DaysOfCover() {
    }

    /**
     * Days of cover, rounded down; empty when nothing was used in the window (it lasts forever).
     *
     * @param onHand quantity on hand
     * @param used   the quantities used (positive) within the last {@code windowDays} days
     */
    public static Optional<Long> of(long onHand, List<Long> used, int windowDays) {
        long total = used.stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        // onHand / (total / window) without losing precision
        return Optional.of(Math.multiplyExact(onHand, (long) windowDays) / total);
    }
}
