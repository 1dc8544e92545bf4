package nl.spil.notifier.app;

import static nl.spil.platform.metrics.Outcome.MAIL_FAILED;
import static nl.spil.platform.metrics.Outcome.MAIL_SENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.spil.notifier.domain.DeliveryPolicy;
import nl.spil.notifier.domain.Outcome;
import nl.spil.notifier.domain.Redaction;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.outbox.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one outbox item exactly once in effect: claim it (PENDING → SENDING with a lease),
 * send it, record the outcome conditionally on still holding the lease. Whoever loses the claim
 * does nothing, so a duplicate stream record or a concurrent sweep never sends twice. While SES
 * cannot send for the whole account ({@link SendingPause}), e-mails are not claimed at all. An
 * e-mail to an address the directory marks as undeliverable ({@link UndeliverableAddresses}) is
 * not sent but FAILED with the reason, so the office manager sees it among the failed notifications.
 */
public final class Delivering {

    private static final Logger LOG = LoggerFactory.getLogger(Delivering.class);
    /** The log line of every item given up (FAILED), which the operators' alarm counts. */
    public static final String FAILED_TOKEN = "NOTIFICATION_FAILED";

    /** What became of one delivery call. */
    public enum Result {
        /** Delivered now. */
        SENT,
        /** Not ours: already delivered or failed, not due, someone else holds it, or e-mail is paused. */
        SKIPPED,
        /** Throttled or 5xx; left PENDING for a later try. */
        RETRY_LATER,
        /** SES cannot send for the account: left PENDING until the pause ends, and e-mail paused. */
        PAUSED,
        /** Refused for good or too old: FAILED with its reason. */
        FAILED,
        /** Sent, but our lease had run out before we could record it (the documented crash window). */
        SENT_LEASE_LOST
    }

    /** Waits between calls of one try (a real sleep on Lambda). */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final OutboxLedger ledger;
    private final Channels channels;
    private final DeliveryPolicy policy;
    private final SendingPause pause;
    private final Redaction redaction;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Outcomes outcomes;
    private final UndeliverableAddresses undeliverable;

    public Delivering(OutboxLedger ledger, Channels channels, DeliveryPolicy policy, SendingPause pause,
                      Redaction redaction, Clock clock, Sleeper sleeper, Outcomes outcomes,
                      UndeliverableAddresses undeliverable) {
        this.ledger = ledger;
        this.channels = channels;
        this.policy = policy;
        this.pause = pause;
        this.redaction = redaction;
        this.clock = clock;
        this.sleeper = sleeper;
        this.outcomes = outcomes;
        this.undeliverable = undeliverable;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    public SendingPause pause() {
        return pause;
    }

    public Clock clock() {
        return clock;
    }

    /** Delivers the item with this partition key, if it is ours to deliver. */
    public Result deliver(String pk) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<OutboxLedger.Claim> claim = ledger.claim(pk, owner, now, now.plus(policy.lease()), pause.emailsPaused(now));
        if (claim.isEmpty()) {
            return Result.SKIPPED;
        }
        if (claim.get() instanceof OutboxLedger.Unreadable unreadable) {
            Instant at = clock.instant();
            ledger.fail(pk, owner, at, "unreadable outbox item: " + redaction.reason(unreadable.reason()),
                    at.plus(policy.failedRetention()));
            LOG.warn("{} outbox item {} is unreadable", FAILED_TOKEN, pk);
            return Result.FAILED;
        }
        OutboxLedger.Claimed claimed = (OutboxLedger.Claimed) claim.get();
        OutboxItem item = claimed.item();
        Optional<MailUndeliverable> notReached = undeliverable(item);
        if (notReached.isPresent()) {
            return fail(pk, owner, item, notSent(notReached.get()), clock.instant());
        }
        Outcome outcome = callWithBackoff(item);
        Instant done = clock.instant();
        if (outcome instanceof Outcome.Sent sent) {
            return recordSent(pk, owner, item, sent, done);
        }
        if (outcome instanceof Outcome.Permanent permanent) {
            return fail(pk, owner, item, redaction.reason(permanent.reason()), done);
        }
        if (outcome instanceof Outcome.AccountPaused paused) {
            String reason = redaction.reason(paused.reason());
            ledger.release(pk, owner, done, pause.open(done, reason), reason);
            return Result.PAUSED;
        }
        return retryOrGiveUp(pk, owner, claimed, redaction.reason(((Outcome.Transient) outcome).reason()), done);
    }

    /** The directory's mark on the recipient; a directory that cannot answer now does not hold the mail up. */
    private Optional<MailUndeliverable> undeliverable(OutboxItem item) {
        if (!(item instanceof OutboxItem.Email email)) {
            return Optional.empty();
        }
        try {
            return undeliverable.of(email.message().to().address());
        } catch (RuntimeException e) {
            LOG.warn("could not ask the directory about {} ({}): sending", who(item), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String notSent(MailUndeliverable mark) {
        String why = mark.reason() == MailUndeliverable.Reason.BOUNCE
                ? "mail to this address bounced for good" : "the recipient reported Spil's mail as spam";
        return "not sent: " + why + " on " + mark.since().atOffset(ZoneOffset.UTC).toLocalDate()
                + "; the directory marks the address until it is changed";
    }

    private Result recordSent(String pk, String owner, OutboxItem item, Outcome.Sent sent, Instant done) {
        if (item instanceof OutboxItem.Email) {
            outcomes.record(MAIL_SENT); // SES has it, whether or not the lease still holds for the record
        }
        if (ledger.markSent(pk, owner, done, sent.deliveryId(), done.plus(policy.sentRetention()))) {
            LOG.info("delivered {} {} to {} (try {})", item.kind(), item.id(), who(item), item.attempts());
            return Result.SENT;
        }
        LOG.warn("delivered {} {} to {} but the lease had run out before it was recorded", item.kind(), item.id(), who(item));
        return Result.SENT_LEASE_LOST;
    }

    private Result fail(String pk, String owner, OutboxItem item, String reason, Instant done) {
        boolean failed = ledger.fail(pk, owner, done, reason, done.plus(policy.failedRetention()));
        if (failed && item instanceof OutboxItem.Email) {
            outcomes.record(MAIL_FAILED); // once FAILED is written: a lost lease leaves the item to its new holder
        }
        LOG.warn("{} {} {} to {}: {}", FAILED_TOKEN, item.kind(), item.id(), who(item), reason);
        return Result.FAILED;
    }

    private Result retryOrGiveUp(String pk, String owner, OutboxLedger.Claimed claimed, String reason, Instant done) {
        OutboxItem item = claimed.item();
        if (policy.exhausted(claimed.triesSince(), done)) {
            return fail(pk, owner, item, "gave up after " + item.attempts() + " tries over "
                    + policy.maxAge().toHours() + " h: " + reason, done);
        }
        Instant next = policy.nextAttemptAt(done, item.attempts());
        ledger.release(pk, owner, done, next, reason);
        LOG.info("{} {} to {} try {} failed ({}); next try after {}", item.kind(), item.id(), who(item),
                item.attempts(), reason, next);
        return Result.RETRY_LATER;
    }

    private Outcome callWithBackoff(OutboxItem item) {
        Outcome outcome = null;
        for (int call = 0; call < policy.callsPerTry(); call++) {
            if (call > 0) {
                try {
                    sleeper.sleep(policy.backoff(call - 1, () -> ThreadLocalRandom.current().nextDouble()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return outcome;
                }
            }
            outcome = once(item);
            if (!(outcome instanceof Outcome.Transient)) {
                return outcome;
            }
        }
        return outcome;
    }

    private Outcome once(OutboxItem item) {
        try {
            if (item instanceof OutboxItem.Email email) {
                return channels.sendEmail(email);
            }
            return channels.putEvent((OutboxItem.Event) item);
        } catch (RuntimeException e) {
            // a bug or an unexpected SDK failure: treat as transient, the item's age bounds it
            return new Outcome.Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private String who(OutboxItem item) {
        if (item instanceof OutboxItem.Email email) {
            return redaction.recipientId(email.message().to().address());
        }
        return "bus";
    }
}
