package nl.spil.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How hard the notifier tries, as plain numbers:
 *
 * <ul>
 * <li>{@code maxTries}: delivery tries (claims) per item before it is FAILED;</li>
 * <li>{@code callsPerTry}: SES/EventBridge calls within one try when they throttle or fail with
 *     5xx, spaced by exponential backoff with full jitter from {@code baseBackoff} up to
 *     {@code maxBackoff};</li>
 * <li>{@code lease}: how long a claim (SENDING) is held; longer than the function's timeout, so
 *     a live invocation never loses its lease, short enough that a crashed one's item is
 *     re-driven by the next sweep;</li>
 * <li>{@code retryDelay}: after a try that ended in throttling or 5xx, the item waits
 *     {@code retryDelay × 2^(tries-1)} before the sweep takes it again;</li>
 * <li>{@code pendingAge}: the sweep re-drives PENDING items older than this (younger ones are
 *     still on their way through the stream);</li>
 * <li>{@code sentRetention}: delivered items expire (TTL) after this.</li>
 * </ul>
 */
public record DeliveryPolicy(int maxTries, int callsPerTry, Duration baseBackoff, Duration maxBackoff,
                             Duration lease, Duration retryDelay, Duration pendingAge, Duration sentRetention) {

    public DeliveryPolicy {
        if (maxTries < 1 || callsPerTry < 1) {
            throw new IllegalArgumentException("maxTries and callsPerTry must be at least 1");
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(pendingAge, "pendingAge");
        Objects.requireNonNull(sentRetention, "sentRetention");
    }

    /** What runs on AWS (function timeout 60 s, sweep every 10 minutes). */
    public static DeliveryPolicy standard() {
        return new DeliveryPolicy(5, 3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofDays(30));
    }

    /** The same with other in-invocation backoff times (tests keep them short). */
    public DeliveryPolicy withBackoff(Duration base, Duration max) {
        return new DeliveryPolicy(maxTries, callsPerTry, base, max, lease, retryDelay, pendingAge, sentRetention);
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
        return now.plus(retryDelay.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 10)));
    }

    /** True when no try is left after {@code tries}. */
    public boolean exhausted(int tries) {
        return tries >= maxTries;
    }
}
