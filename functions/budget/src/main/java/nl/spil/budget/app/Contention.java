package nl.spil.budget.app;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import nl.spil.platform.retry.ConcurrentChange;

/**
 * Read, decide, write under the category-year's version, and on a concurrent change read and
 * decide again after a short random pause that grows with each try. Every booking of a category
 * serializes on that one item, so simultaneous bookings of one category (an import, a burst of
 * deliveries) would otherwise collide again at once; 25 tries, as the stock ledger's hot items.
 */
final class Contention {

    static final int TRIES = 25;

    private Contention() {
    }

    static <T> T retried(Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (ConcurrentChange change) {
                if (tries >= TRIES) {
                    throw change;
                }
                pause(tries);
            }
        }
    }

    private static void pause(int tries) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(tries, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
