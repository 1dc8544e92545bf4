package nl.spil.notifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What SES reported after accepting a message: a bounce (with SES's bounce type: Permanent,
 * Transient or Undetermined) or a complaint, for some of its recipients.
 */
public record DeliveryFeedback(EmailBounced.Reason kind, Optional<String> bounceType, List<String> recipients,
                               String feedbackId, Instant occurredAt) {

    public DeliveryFeedback {
        recipients = List.copyOf(recipients);
    }

    /**
     * The addresses Spil must stop mailing, as events: every recipient of a complaint or of a
     * permanent bounce, lower-cased once each; none for a transient or undetermined bounce.
     */
    public List<EmailBounced> deadAddresses() {
        boolean dead = kind == EmailBounced.Reason.COMPLAINT || bounceType.filter("Permanent"::equals).isPresent();
        if (!dead) {
            return List.of();
        }
        return recipients.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).distinct()
                .map(address -> new EmailBounced(address, kind, bounceType, feedbackId, occurredAt)).toList();
    }
}
