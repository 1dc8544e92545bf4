package nl.spil.platform.retry;

import java.util.function.Supplier;

/**
 * Read, decide, write under a condition; when the condition fails because of a concurrent
 * change, read and decide again. Optimistic writes need no locks and almost never retry; the
 * bound keeps a hot item from looping forever.
 */
public final class Retrying {

    /** How many times a decision is made before the 409 reaches the caller. */
    public static final int TRIES = 10;

    private Retrying() {
    }

    /** Runs {@code attempt} until it does not throw {@link ConcurrentChange}, at most {@link #TRIES} times. */
    public static <T> T onConcurrentChange(Supplier<T> attempt) {
        return onConcurrentChange(TRIES, attempt);
    }

    /** The same, at most {@code tries} times (a write many people race for, such as taking from one item). */
    public static <T> T onConcurrentChange(int tries, Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (ConcurrentChange change) {
                if (tried >= tries) {
                    throw change;
                }
            }
        }
    }

    /** {@link #onConcurrentChange(Supplier)} for an attempt without a result. */
    public static void onConcurrentChange(Runnable attempt) {
        onConcurrentChange(() -> {
            attempt.run();
            return null;
        });
    }
}
