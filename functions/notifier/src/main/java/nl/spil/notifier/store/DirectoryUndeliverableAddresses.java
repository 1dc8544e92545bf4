package nl.spil.notifier.store;

import java.util.Optional;
import nl.spil.notifier.app.UndeliverableAddresses;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.MailUndeliverable;

/** The directory's mark on a person's address: 1 GetItem of the person by e-mail per e-mail sent. */
public final class DirectoryUndeliverableAddresses implements UndeliverableAddresses {

    private final DirectoryReader directory;

    public DirectoryUndeliverableAddresses(DirectoryReader directory) {
        this.directory = directory;
    }

    @Override
    public Optional<MailUndeliverable> of(String address) {
        return directory.personByEmail(address).flatMap(DirectoryReader.PersonCard::mailUndeliverable);
    }
}
