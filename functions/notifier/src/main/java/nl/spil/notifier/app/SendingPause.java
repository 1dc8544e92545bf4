package nl.spil.notifier.app;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breaker on e-mail: while SES says the account cannot send (sending paused, the account
 * suspended, the daily quota spent), no e-mail is claimed, so the backlog waits PENDING instead
 * of failing item by item; events still go. The pause is shared through the outbox table and read
 * at most every {@link #RECHECK} per warm function. When it ends, the next e-mail is the probe: sent,
 * the breaker stays closed; refused again, it opens again. Every opening logs
 * {@code SES_SENDING_PAUSED}, which the operators' alarm counts.
 */
public final class SendingPause {

    /** How long a read of the shared pause is trusted. */
    static final Duration RECHECK = Duration.ofSeconds(30);
    /** The log line the alarm's metric filter matches. */
    public static final String LOG_TOKEN = "SES_SENDING_PAUSED";
    private static final Logger LOG = LoggerFactory.getLogger(SendingPause.class);

    private final AccountPause pause;
    private final Duration length;
    private Instant checkedAt;
    private Instant pausedUntil;

    public SendingPause(AccountPause pause, Duration length) {
        this.pause = pause;
        this.length = length;
    }

    /** True while e-mail is paused. */
    public synchronized boolean emailsPaused(Instant now) {
        if (checkedAt == null || !now.isBefore(checkedAt.plus(RECHECK)) || now.isBefore(checkedAt)) {
            pausedUntil = pause.until().orElse(null);
            checkedAt = now;
        }
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    /** Opens the breaker after SES refused for the whole account; answers until when. */
    public synchronized Instant open(Instant now, String reason) {
        Instant until = now.plus(length);
        pause.pause(until, reason, now);
        pausedUntil = until;
        checkedAt = now;
        LOG.warn("{} until {}: {}", LOG_TOKEN, until, reason);
        return until;
    }
}
