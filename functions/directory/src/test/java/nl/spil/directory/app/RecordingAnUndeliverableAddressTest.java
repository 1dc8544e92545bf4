package nl.spil.directory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.app.RecordingAnUndeliverableAddress.Outcome;
import nl.spil.directory.app.RecordingAnUndeliverableAddress.Receipt;
import nl.spil.directory.domain.EmailBounced;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.directory.MailUndeliverable.Reason;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.retry.ConcurrentChange;
import org.junit.jupiter.api.Test;

/** Recording that mail to someone does not arrive, with the stores as plain fakes. */
class RecordingAnUndeliverableAddressTest {

    private static final Instant NOW = Instant.parse("2027-03-29T10:00:00Z");
    private static final Instant BOUNCED_AT = Instant.parse("2027-03-29T08:15:02Z");
    private static final String SITE = "01JSITE0000000000000000001";

    private final FakePeople people = new FakePeople();
    private final FakeAddresses addresses = new FakeAddresses();
    private final RecordingAnUndeliverableAddress recording = new RecordingAnUndeliverableAddress(people, addresses,
            new UndeliverableMails(new Settings(Map.of("SENDER_EMAIL", "spil@example.org", "OFFICE_NAME", "Kantoor Leiden")::get)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Person person(String id, String email, Set<Role> roles) {
        return Person.register(id, new PersonDetails("Gerrit Weg", email, Language.NL, Optional.empty(), Optional.of(SITE),
                roles, Optional.empty()), Optional.empty(), NOW.minusSeconds(86_400));
    }

    private static PersonCard manager(String id, Language language) {
        return new PersonCard(id, "Manager " + id, id + "@example.org", language, Optional.of(SITE), Optional.empty(),
                List.of("office-manager"));
    }

    private static EmailBounced bounce(String email, Reason reason) {
        return new EmailBounced("evt-1", email, reason, reason == Reason.BOUNCE ? Optional.of("Permanent") : Optional.empty(),
                "feedback-1", BOUNCED_AT);
    }

    @Test
    void thePersonIsMarkedAndEachMailableOfficeManagerOfTheirSiteIsToldInTheirLanguage() {
        people.stored = person("p1", "gone@example.org", EnumSet.of(Role.STAFF));
        PersonCard deadAddress = new PersonCard("m3", "Manager m3", "m3@example.org", Language.NL, Optional.of(SITE),
                Optional.empty(), List.of("office-manager"), Optional.of(new MailUndeliverable(Reason.COMPLAINT, NOW)));
        addresses.managers = List.of(manager("m1", Language.NL), manager("m2", Language.EN), deadAddress);

        Receipt receipt = recording.record(bounce("gone@example.org", Reason.BOUNCE));

        assertThat(receipt).isEqualTo(new Receipt(Outcome.RECORDED, Optional.of("p1"), 2));
        assertThat(addresses.siteAsked).containsExactly(SITE);
        Person marked = addresses.recorded.get(0);
        assertThat(marked.mailUndeliverable()).contains(new MailUndeliverable(Reason.BOUNCE, BOUNCED_AT));
        assertThat(marked.version()).isEqualTo(2);
        assertThat(marked.updatedAt()).isEqualTo(NOW);
        assertThat(addresses.eventIds).containsExactly("evt-1");
        assertThat(addresses.mails).extracting(OutgoingMail::dedupeKey)
                .containsExactly("directory:mail-undeliverable:evt-1:m1", "directory:mail-undeliverable:evt-1:m2");
        OutgoingMail dutch = addresses.mails.get(0);
        assertThat(dutch.message().to().address()).isEqualTo("m1@example.org");
        assertThat(dutch.message().language()).isEqualTo(Language.NL);
        assertThat(dutch.message().content().subject()).isEqualTo("E-mail komt niet aan: Gerrit Weg");
        assertThat(dutch.message().content().text()).contains("gone@example.org", "de ontvangende server weigert het",
                "maandag 29 maart 2027");
        assertThat(dutch.message().from().address()).isEqualTo("spil@example.org");
        OutgoingMail english = addresses.mails.get(1);
        assertThat(english.message().content().subject()).isEqualTo("E-mail does not arrive: Gerrit Weg");
        assertThat(english.message().content().text()).contains("the receiving server refuses it", "Monday 29 March 2027");
        assertThat(english.toString()).doesNotContain("gone@example.org");
    }

    @Test
    void aComplaintAboutTheSitesOnlyOfficeManagerGoesToTheOtherOfficeManagers() {
        people.stored = person("m1", "olga@example.org", EnumSet.of(Role.OFFICE_MANAGER));
        addresses.managers = List.of(manager("m1", Language.EN));
        addresses.everyOfficeManager = List.of(manager("m1", Language.EN), manager("m9", Language.EN));

        Receipt receipt = recording.record(bounce("olga@example.org", Reason.COMPLAINT));

        assertThat(receipt).isEqualTo(new Receipt(Outcome.RECORDED, Optional.of("m1"), 1));
        assertThat(addresses.siteAsked).containsExactly(SITE, "every site");
        assertThat(addresses.recorded.get(0).mailUndeliverable().orElseThrow().reason()).isEqualTo(Reason.COMPLAINT);
        assertThat(addresses.mails).extracting(OutgoingMail::dedupeKey).containsExactly("directory:mail-undeliverable:evt-1:m9");
        assertThat(addresses.mails.get(0).message().content().text()).contains("reported our e-mail as spam");
    }

    @Test
    void withNoOfficeManagerToTellTheAddressIsStillRecorded() {
        people.stored = person("m1", "olga@example.org", EnumSet.of(Role.OFFICE_MANAGER));
        addresses.managers = List.of(manager("m1", Language.EN));
        addresses.everyOfficeManager = List.of(manager("m1", Language.EN));

        assertThat(recording.record(bounce("olga@example.org", Reason.BOUNCE)))
                .isEqualTo(new Receipt(Outcome.RECORDED, Optional.of("m1"), 0));
        assertThat(addresses.recorded).hasSize(1);
        assertThat(addresses.mails).isEmpty();
    }

    @Test
    void atMostTwentyFiveOfficeManagersAreTold() {
        people.stored = person("p1", "gone@example.org", EnumSet.of(Role.STAFF));
        List<PersonCard> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(manager("m" + i, Language.NL));
        }
        addresses.managers = many;

        assertThat(recording.record(bounce("gone@example.org", Reason.BOUNCE)).officeManagersTold())
                .isEqualTo(RecordingAnUndeliverableAddress.MAX_TOLD).isEqualTo(25);
        assertThat(addresses.mails).hasSize(25);
    }

    @Test
    void anAddressAlreadyRecordedChangesNothingAndMailsNobody() {
        people.stored = person("p1", "gone@example.org", EnumSet.of(Role.STAFF))
                .withMailUndeliverable(new MailUndeliverable(Reason.BOUNCE, BOUNCED_AT.minusSeconds(3600)), NOW);
        addresses.managers = List.of(manager("m1", Language.NL));

        assertThat(recording.record(bounce("gone@example.org", Reason.BOUNCE)))
                .isEqualTo(new Receipt(Outcome.ALREADY_RECORDED, Optional.of("p1"), 0));
        assertThat(addresses.recorded).isEmpty();
        assertThat(addresses.mails).isEmpty();
    }

    @Test
    void anEventHandledBeforeIsNotRecordedAgain() {
        people.stored = person("p1", "gone@example.org", EnumSet.of(Role.STAFF));
        addresses.managers = List.of(manager("m1", Language.NL));
        addresses.handledBefore = true;

        assertThat(recording.record(bounce("gone@example.org", Reason.BOUNCE)))
                .isEqualTo(new Receipt(Outcome.ALREADY_RECORDED, Optional.of("p1"), 0));
    }

    @Test
    void anAddressNobodyHasIsIgnored() {
        assertThat(recording.record(bounce("stranger@example.org", Reason.BOUNCE)))
                .isEqualTo(new Receipt(Outcome.UNKNOWN_ADDRESS, Optional.empty(), 0));
        assertThat(addresses.siteAsked).isEmpty();
        assertThat(addresses.recorded).isEmpty();
    }

    @Test
    void aPersonChangedMeanwhileIsReadAgainAndDecidedAgain() {
        people.stored = person("p1", "gone@example.org", EnumSet.of(Role.STAFF));
        addresses.managers = List.of(manager("m1", Language.NL));
        // another delivery of a bounce recorded it between our read and our write
        addresses.onFirstWrite = () -> people.stored = people.stored
                .withMailUndeliverable(new MailUndeliverable(Reason.BOUNCE, BOUNCED_AT), NOW);

        assertThat(recording.record(bounce("gone@example.org", Reason.BOUNCE)))
                .isEqualTo(new Receipt(Outcome.ALREADY_RECORDED, Optional.of("p1"), 0));
        assertThat(addresses.recorded).isEmpty();
    }

    private static final class FakeAddresses implements UndeliverableAddresses {
        List<PersonCard> managers = List.of();
        List<PersonCard> everyOfficeManager = List.of();
        boolean handledBefore;
        Runnable onFirstWrite;
        final List<String> siteAsked = new ArrayList<>();
        final List<Person> recorded = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();
        final List<OutgoingMail> mails = new ArrayList<>();

        @Override
        public List<PersonCard> officeManagers(Optional<String> siteId) {
            siteAsked.add(siteId.orElse("every site"));
            return siteId.isPresent() ? managers : everyOfficeManager;
        }

        @Override
        public boolean record(Person current, Person marked, String eventId, List<OutgoingMail> outgoing) {
            if (onFirstWrite != null) {
                onFirstWrite.run();
                onFirstWrite = null;
                throw new ConcurrentChange();
            }
            if (handledBefore) {
                return false;
            }
            recorded.add(marked);
            eventIds.add(eventId);
            mails.addAll(outgoing);
            return true;
        }
    }

    private static final class FakePeople extends UnusedPeople {
        Person stored;

        @Override
        public Optional<Person> byEmail(String email) {
            return Optional.ofNullable(stored).filter(p -> p.email().equals(email));
        }
    }
}
