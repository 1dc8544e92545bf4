package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.PersonLeft;
import nl.spil.platform.retry.ConcurrentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a person leaves, their post history goes with them: every item addressed to them that
 * was handed out, forwarded or returned is deleted with its photo now; what still waits for
 * them loses their name and code and goes onto the office manager's return-to-sender list. Safe
 * to receive twice or out of order: each step is idempotent, and an event handled completely is
 * remembered and skipped.
 */
@Singleton
public class ForgettingLeavers {

    private static final Logger LOG = LoggerFactory.getLogger(ForgettingLeavers.class);
    private final MailItems store;
    private final PurgingMail purging;
    private final Clock clock;

    public ForgettingLeavers(MailItems store, PurgingMail purging, Clock clock) {
        this.store = store;
        this.purging = purging;
        this.clock = clock;
    }

    /** What handling one event did. */
    public record Report(boolean skipped, int deleted, int sentBack) {
    }

    public Report forget(PersonLeft left, String eventId) {
        if (store.handled(eventId)) {
            return new Report(true, 0, 0);
        }
        int deleted = 0;
        int sentBack = 0;
        for (MailItem item : store.allFor(left.personId())) {
            if (item.status().onShelf()) {
                if (leave(item)) {
                    sentBack++;
                }
            } else if (purging.forget(item)) {
                deleted++;
            }
        }
        store.rememberHandled(eventId, clock.instant());
        LOG.info("person-left event {}: {} items deleted, {} waiting items set to go back", eventId, deleted, sentBack);
        return new Report(false, deleted, sentBack);
    }

    private boolean leave(MailItem item) {
        MailItem current = item;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                store.change(current, current.recipientLeft(), List.of(), Optional.empty());
                return true;
            } catch (ConcurrentChange changed) {
                Optional<MailItem> now = store.byId(item.id());
                if (now.isEmpty() || !now.get().status().onShelf()) {
                    return now.map(purging::forget).orElse(false);
                }
                current = now.get();
            }
        }
        throw new ConcurrentChange();
    }
}
