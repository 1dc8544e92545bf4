package nl.spil.notifier.app;

import java.util.List;
import nl.spil.notifier.domain.DeliveryFeedback;
import nl.spil.notifier.domain.EmailBounced;
import nl.spil.notifier.domain.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES tells of a bounce or a complaint (through its configuration set's EventBridge
 * destination): each address that is dead for good becomes an {@link EmailBounced} event for the
 * directory, enqueued once per feedback and address. Transient bounces (a full mailbox) change
 * nothing; SES's own suppression list already keeps Spil from mailing a dead address again.
 */
public final class RecordingBounces {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingBounces.class);
    private final EventQueue events;
    private final Redaction redaction;

    public RecordingBounces(EventQueue events, Redaction redaction) {
        this.events = events;
        this.redaction = redaction;
    }

    /** @return the events enqueued now (none for a transient bounce or feedback seen before) */
    public int record(DeliveryFeedback feedback) {
        List<EmailBounced> dead = feedback.deadAddresses();
        int enqueued = 0;
        for (EmailBounced event : dead) {
            if (events.enqueue(event)) {
                enqueued++;
            }
            LOG.warn("{} for {} ({}): the directory is told", event.reason(), redaction.recipientId(event.email()),
                    event.bounceType().orElse("complaint"));
        }
        if (dead.isEmpty()) {
            LOG.info("{} {} for {} recipient(s): nothing to record", feedback.bounceType().orElse(""),
                    feedback.kind(), feedback.recipients().size());
        }
        return enqueued;
    }
}
