package nl.spil.directory.domain;

import java.time.Instant;
import java.util.Optional;
import nl.spil.platform.directory.MailUndeliverable;

/**
 * The notifier's {@code EmailBounced} as the directory reads it (docs/architecture.md, "Events
 * between functions"): mail to {@code email} bounced for good or was reported as spam.
 * {@code eventId} is the notifier's, stable across redelivery.
 */
public record EmailBounced(String eventId, String email, MailUndeliverable.Reason reason, Optional<String> bounceType,
                           String feedbackId, Instant occurredAt) {

    /** What the directory records on the person with that address. */
    public MailUndeliverable undeliverable() {
        return new MailUndeliverable(reason, occurredAt);
    }
}
