package nl.spil.notifier.app;

import java.time.Clock;
import java.util.Map;
import nl.spil.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The office manager's view: list what failed, put one back in the queue. */
public final class FailedNotifications {

    private final OutboxLedger ledger;
    private final Clock clock;

    public FailedNotifications(OutboxLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public OutboxLedger.FailedPage list(int limit, Map<String, AttributeValue> startKey) {
        return ledger.failed(limit, startKey);
    }

    /**
     * @param key the notification's key (the part of its pk after {@code OUTBOX#})
     */
    public OutboxLedger.RetryResult retry(String key) {
        return ledger.retry(OutboxItems.PK_PREFIX + key, clock.instant());
    }

    /** Keys are what follows OUTBOX#: a 32-hex hash or an id (letters and digits). */
    public static boolean looksLikeKey(String key) {
        return key != null && key.matches("[0-9A-Za-z]{1,64}");
    }
}
