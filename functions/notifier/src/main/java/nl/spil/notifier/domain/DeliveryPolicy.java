package nl.spil.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How hard the notifier tries, as plain numbers:
 *
 * <ul>
 * <li>{@code maxAge}: how long an item is tried before it is FAILED, counted from when it was
 *     enqueued (or last put back by the office manager): an outage of SES or a quota spell of
 *     hours is ridden out, however many tries that takes;</li>
 * <li>{@code callsPerTry}: SES/EventBridge calls within one try when they throttle or fail with
 *     5xx, spaced by exponential backoff with full jitter from {@code baseBackoff} up to
 *     {@code maxBackoff};</li>
 * <li>{@code lease}: how long a claim (SENDING) is held; longer than the function's timeout, so
 *     a live invocation never loses its lease, short enough that a crashed one's item is
 *     re-driven by the next sweep;</li>
 * <li>{@code retryDelay}: after a try that ended in throttling or 5xx, the item waits
 *     {@code retryDelay × 2^(tries-1)}, at most {@code maxRetryDelay}, before the sweep takes it again;</li>
 * <li>{@code pendingAge}: the sweep re-drives PENDING items older than this (younger ones are
 *     still on their way through the stream);</li>
 * <li>{@code sentRetention} / {@code failedRetention}: delivered and failed items expire (TTL)
 *     after this;</li>
 * <li>{@code pause}: how long e-mail is not claimed once SES says the account cannot send.</li>
 * </ul>
 */
public record DeliveryPolicy(Duration maxAge, int callsPerTry, Duration baseBackoff, Duration maxBackoff,
                             Duration lease, Duration retryDelay, Duration maxRetryDelay, Duration pendingAge,
                             Duration sentRetention, Duration failedRetention, Duration pause) {

    public DeliveryPolicy {
        if (callsPerTry < 1) {
            throw new IllegalArgumentException("callsPerTry must be at least 1");
        }
        for (Duration d : new Duration[] {maxAge, baseBackoff, maxBackoff, lease, retryDelay, maxRetryDelay, pendingAge,
                sentRetention, failedRetention, pause}) {
            Objects.requireNonNull(d, "every duration of the policy is required");
        }
    }

    /** What runs on AWS (function timeout 60 s, sweep every 10 minutes). */
    public static DeliveryPolicy standard() {
        return new DeliveryPolicy(Duration.ofHours(24), 3, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(3),
                Duration.ofDays(30), Duration.ofDays(30), Duration.ofMinutes(15));
    }

    /** The same with other in-invocation backoff times (tests keep them short). */
    public DeliveryPolicy withBackoff(Duration base, Duration max) {
        return new DeliveryPolicy(maxAge, callsPerTry, base, max, lease, retryDelay, maxRetryDelay, pendingAge,
                sentRetention, failedRetention, pause);
    }

    /**
     * Pause before call {@code n + 1} of a try after call {@code n} (0-based) failed: full jitter,
     * a random time in [0, min(max, base × 2^n)].
     */
    public Duration backoff(int n, DoubleSupplier random) {
        long cap = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(n, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * cap));
    }

    /** When an item whose try {@code tries} (1-based) ended in a transient failure may be tried again. */
    public Instant nextAttemptAt(Instant now, int tries) {
        Duration wait = retryDelay.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
        return now.plus(wait.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : wait);
    }

    /** True when an item tried since {@code since} is too old to be tried again. */
    public boolean exhausted(Instant since, Instant now) {
        return !now.isBefore(since.plus(maxAge));
    }
}
