package nl.spil.directory.app;

import java.util.List;
import java.util.Optional;
import nl.spil.directory.domain.Person;
import nl.spil.platform.directory.DirectoryReader.PersonCard;

/** Where the directory records that mail to a person cannot be delivered, and who is told (port). */
public interface UndeliverableAddresses {

    /**
     * The office managers who look after people of a site: those of the site and those of no site;
     * without a site, every office manager.
     */
    List<PersonCard> officeManagers(Optional<String> siteId);

    /**
     * Writes {@code marked} in place of {@code current} and enqueues the mails, in one transaction
     * that also remembers {@code eventId}.
     *
     * @return false when that event was recorded before (nothing is written or sent again)
     * @throws nl.spil.platform.retry.ConcurrentChange when the person changed since it was read
     */
    boolean record(Person current, Person marked, String eventId, List<OutgoingMail> mails);
}
