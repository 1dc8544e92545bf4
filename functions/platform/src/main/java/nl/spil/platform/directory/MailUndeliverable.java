package nl.spil.platform.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * Mail to a person's address cannot be delivered: it bounced for good, or its owner marked Spil's
 * mail as spam. The directory records it on the person (from the notifier's {@code EmailBounced})
 * until the office manager changes the address; whoever mails people can skip such an address.
 *
 * @param since when SES reported it
 */
public record MailUndeliverable(Reason reason, Instant since) {

    /** Why mail does not reach the address (the names are those of the {@code EmailBounced} event). */
    public enum Reason { BOUNCE, COMPLAINT }

    public MailUndeliverable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
