package nl.spil.notifier.domain;

import java.time.Instant;
import java.util.Optional;
import nl.spil.platform.events.DomainEvent;

/**
 * Mail to an address cannot be delivered for good (a permanent bounce) or its owner marked it
 * as spam (a complaint): the directory records it on the person with that address and tells
 * the office manager, and SES's suppression list keeps Spil from mailing it again. The address
 * travels because the directory finds people by e-mail; the outbox drops it once delivered.
 * The contract is in docs/architecture.md ("Events between functions").
 */
public record EmailBounced(String email, Reason reason, Optional<String> bounceType, String feedbackId,
                           Instant occurredAt) implements DomainEvent {

    /** Why the address is dead to Spil. */
    public enum Reason { BOUNCE, COMPLAINT }

    @Override
    public String source() {
        return "nl.spil.notifier";
    }

    @Override
    public String detailType() {
        return "EmailBounced";
    }

    @Override
    public String dedupeKey() {
        return "notifier:email-bounced:" + feedbackId + ":" + email;
    }
}
