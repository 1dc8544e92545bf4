package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.spil.directory.domain.EmailBounced;
import nl.spil.directory.domain.Person;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.retry.Retrying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail to someone's address bounced for good or was reported as spam (the notifier's
 * {@code EmailBounced}): the directory records it on the person with that address, so their
 * answer shows it and other functions can skip the address, and tells the office managers who
 * look after them (their site's, or every office manager when the site has none to tell), in the
 * same transaction, so the address gets fixed. Changing the person's e-mail clears it
 * ({@link Person#changedTo}).
 *
 * <p>Once per address: an address already recorded as undeliverable (a second bounce, or the
 * same event again) changes nothing and mails nobody; the event id is remembered with the record,
 * so even a redelivery after the address was changed back does nothing. An address nobody in the
 * directory has (someone who left, a visitor, a supplier) is only logged, without the address.
 */
@Singleton
public class RecordingAnUndeliverableAddress {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingAnUndeliverableAddress.class);
    /** Office managers told at most (the first by name): the transaction holds 100 writes, the person's take 7. */
    static final int MAX_TOLD = 25;
    private final People people;
    private final UndeliverableAddresses addresses;
    private final UndeliverableMails mails;
    private final Clock clock;

    public RecordingAnUndeliverableAddress(People people, UndeliverableAddresses addresses, UndeliverableMails mails,
                                           Clock clock) {
        this.people = people;
        this.addresses = addresses;
        this.mails = mails;
        this.clock = clock;
    }

    /** What became of one event. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, UNKNOWN_ADDRESS }

    /** What was done (no personal data: the handler returns it and Lambda may log it). */
    public record Receipt(Outcome outcome, Optional<String> personId, int officeManagersTold) {
    }

    public Receipt record(EmailBounced bounced) {
        return Retrying.onConcurrentChange(() -> {
            Optional<Person> found = people.byEmail(bounced.email());
            if (found.isEmpty()) {
                LOG.info("{} of event {} (SES feedback {}): nobody in the directory has that address; nothing to record",
                        bounced.reason(), bounced.eventId(), bounced.feedbackId());
                return new Receipt(Outcome.UNKNOWN_ADDRESS, Optional.empty(), 0);
            }
            Person person = found.get();
            if (person.mailUndeliverable().isPresent()) {
                return new Receipt(Outcome.ALREADY_RECORDED, Optional.of(person.id()), 0);
            }
            Person marked = person.withMailUndeliverable(bounced.undeliverable(), clock.instant());
            List<PersonCard> managers = toTell(addresses.officeManagers(person.details().siteId()), person);
            if (managers.isEmpty() && person.details().siteId().isPresent()) {
                managers = toTell(addresses.officeManagers(Optional.empty()), person); // someone must fix it
            }
            List<OutgoingMail> told = managers.stream()
                    .map(manager -> mails.toOfficeManager(manager, person, bounced.undeliverable(), bounced.eventId()))
                    .toList();
            if (!addresses.record(person, marked, bounced.eventId(), told)) {
                return new Receipt(Outcome.ALREADY_RECORDED, Optional.of(person.id()), 0);
            }
            if (told.isEmpty()) {
                LOG.warn("mail to person {} cannot be delivered ({}), and no office manager can be told", person.id(),
                        bounced.reason());
            }
            return new Receipt(Outcome.RECORDED, Optional.of(person.id()), told.size());
        });
    }

    /** Office managers whose own mail arrives, other than the person whose address is dead. */
    private static List<PersonCard> toTell(List<PersonCard> managers, Person person) {
        return managers.stream().filter(m -> m.mailable() && !m.personId().equals(person.id())).limit(MAX_TOLD).toList();
    }
}
