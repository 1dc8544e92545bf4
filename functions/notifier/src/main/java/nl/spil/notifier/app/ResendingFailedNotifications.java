package nl.spil.notifier.app;

import java.time.Clock;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/**
 * The office manager looks at what could not be delivered and puts it back in the queue: one
 * notification, or every one a filter matches (after an SES outage, say), a bounded number per call.
 */
public final class ResendingFailedNotifications {

    /** Most items a bulk retry puts back per call; the answer says when more are left. */
    public static final int MAX_PER_CALL = 500;

    private final FailedOutbox failed;
    private final Clock clock;

    public ResendingFailedNotifications(FailedOutbox failed, Clock clock) {
        this.failed = failed;
        this.clock = clock;
    }

    public Page<FailedOutbox.FailedItem> list(PageRequest page) {
        return failed.failed(page);
    }

    /** @param key the notification's key (the part of its pk after {@code OUTBOX#}) */
    public FailedOutbox.RetryResult retry(String key) {
        return failed.retry(OutboxItems.PK_PREFIX + key, clock.instant());
    }

    public FailedOutbox.Retried retryAll(FailedOutbox.Filter filter) {
        return failed.retryAll(filter, clock.instant(), MAX_PER_CALL);
    }

    /** Keys are what follows OUTBOX#: a 32-hex hash or an id (letters and digits). */
    public static boolean looksLikeKey(String key) {
        return key != null && key.matches("[0-9A-Za-z]{1,64}");
    }
}
