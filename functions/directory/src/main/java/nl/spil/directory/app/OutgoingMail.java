package nl.spil.directory.app;

import nl.spil.platform.mail.EmailMessage;

/** An e-mail a use case sends, with the dedupe key that makes it go once. */
public record OutgoingMail(EmailMessage message, String dedupeKey) {

    @Override
    public String toString() {
        return "OutgoingMail[" + dedupeKey + "]"; // never the address or the text
    }
}
