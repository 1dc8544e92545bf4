package nl.spil.stock.app;

import nl.spil.platform.mail.EmailMessage;

/** Enqueues e-mails on their own (port), for notifications that have no business write. */
public interface Mailbox {

    /**
     * Enqueues one e-mail, alone, so that no other e-mail's fate depends on it.
     *
     * @return false when it was enqueued before (its dedupe key is taken): nothing is sent twice
     */
    boolean enqueue(EmailMessage message, String dedupeKey);
}
