package nl.spil.notifier.app;

import java.time.Instant;
import java.util.Optional;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** The failed notifications as the office manager sees and puts them back (port). */
public interface FailedOutbox {

    /** A failed item: its key, what it was, and why it failed (addresses in reasons already pseudonymised). */
    record FailedItem(String key, OutboxItem.Kind kind, Optional<String> eventId, Optional<String> recipient,
                      Optional<String> subject, Optional<String> detailType, int attempts, Instant createdAt,
                      Optional<Instant> failedAt, String lastError) {
    }

    /** One page of FAILED items, newest first. */
    Page<FailedItem> failed(PageRequest page);

    /** The outcome of putting one back. */
    enum RetryResult { RETRIED, NOT_FOUND, NOT_FAILED }

    /** FAILED → PENDING with its tries reset (and its age counted from now); the stream then delivers it. */
    RetryResult retry(String pk, Instant now);

    /** Which failed items a bulk retry puts back; an empty filter takes every one. */
    record Filter(Optional<OutboxItem.Kind> kind, Optional<Instant> createdFrom, Optional<Instant> createdTo,
                  Optional<String> errorContains) {
    }

    /** What a bulk retry did; {@code more} when items matching were left for another call. */
    record Retried(int retried, boolean more) {
    }

    /** Puts back up to {@code max} FAILED items matching the filter, oldest first. */
    Retried retryAll(Filter filter, Instant now, int max);
}
