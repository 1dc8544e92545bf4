package nl.spil.notifier.app;

import nl.spil.notifier.domain.Outcome;
import nl.spil.platform.outbox.OutboxItem;

/** Where items go: SES for e-mails, EventBridge for events. One call each; the caller retries. */
public interface Channels {

    Outcome sendEmail(OutboxItem.Email email);

    Outcome putEvent(OutboxItem.Event event);
}
