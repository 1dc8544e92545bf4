package nl.spil.visitors.app;

import nl.spil.platform.mail.EmailMessage;

/** An e-mail a use case sends, with the dedupe key that makes it go once (and lets erasure find it). */
public record OutgoingMail(EmailMessage message, String dedupeKey) {

    @Override
    public String toString() {
        return "OutgoingMail[" + dedupeKey + "]";
    }
}
