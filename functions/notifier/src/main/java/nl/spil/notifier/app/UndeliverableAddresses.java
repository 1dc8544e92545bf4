package nl.spil.notifier.app;

import java.util.Optional;
import nl.spil.platform.directory.MailUndeliverable;

/**
 * The addresses the directory marks as not reached by mail (a permanent bounce, or Spil's mail
 * reported as spam), so the notifier does not send there again until the address changes.
 */
public interface UndeliverableAddresses {

    /** Where the notifier has no directory to ask: every address may be mailed. */
    UndeliverableAddresses NONE = address -> Optional.empty();

    /** Why mail to this address does not arrive, if the directory knows it as a person's that does not. */
    Optional<MailUndeliverable> of(String address);
}
