package nl.spil.directory.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The order of account and directory writes, when something fails halfway: groups never grant
 * more than the record says, and a leaver whose account cannot be closed stays in the directory
 * (the local AWS cannot make Cognito or DynamoDB fail on cue; plain fakes can).
 */
class AccountOrderTest {

    private static final Instant NOW = Instant.parse("2027-03-29T10:00:00Z");
    private static final String SUB = "5d1f6a2c-0b3e-4c7d-9e8f-1a2b3c4d5e6f";

    private final List<String> log = new ArrayList<>();
    private final FakePeople people = new FakePeople();
    private final RecordingAccounts accounts = new RecordingAccounts();
    private final ChangingAPerson changing = new ChangingAPerson(people, null, accounts, new AccountGroups(accounts),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static PersonDetails with(Set<Role> roles) {
        return new PersonDetails("Olga", "olga@example.org", Language.NL, Optional.empty(), Optional.empty(), roles,
                Optional.empty());
    }

    @Test
    void anAccountThatCannotBeClosedKeepsThePersonInTheDirectory() {
        people.stored = Person.register("p1", with(EnumSet.of(Role.STAFF)), Optional.of(SUB), NOW);
        accounts.failClose = true;
        OffboardingAPerson offboarding = new OffboardingAPerson(people, accounts, new AccountGroups(accounts),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> offboarding.leave("p1")).isInstanceOf(ProblemException.class);

        // no removal, no PersonLeft: sending the request again does it all
        assertThat(log).containsExactly("revoke [staff, reception, office-manager, management]", "close failed");
        assertThat(people.stored).isNotNull();
    }

    @Test
    void aDemotionTakesTheGroupAwayBeforeTheRecordSaysSo() {
        people.stored = Person.register("p1", with(EnumSet.of(Role.STAFF, Role.OFFICE_MANAGER)), Optional.of(SUB), NOW);

        changing.change("p1", 1, with(EnumSet.of(Role.STAFF)));

        assertThat(log).containsExactly("revoke [reception, office-manager, management]", "write", "grant [staff]");
    }

    @Test
    void aWriteLostToSomeoneElseLeavesTheGroupsOfTheRecordThatWon() {
        people.stored = Person.register("p1", with(EnumSet.of(Role.STAFF, Role.OFFICE_MANAGER)), Optional.of(SUB), NOW);
        people.winner = people.stored.changedTo(with(EnumSet.of(Role.STAFF, Role.OFFICE_MANAGER)), SUB, NOW);

        assertThatThrownBy(() -> changing.change("p1", 1, with(EnumSet.of(Role.STAFF))))
                .isInstanceOf(ProblemException.class);

        assertThat(log).containsExactly("revoke [reception, office-manager, management]", "write refused",
                "grant [staff, office-manager]");
    }

    @Test
    void aGrantThatFailsAfterTheWriteLeavesFewerRightsNeverMore() {
        people.stored = Person.register("p1", with(EnumSet.of(Role.STAFF)), Optional.of(SUB), NOW);
        accounts.failGrants = true;

        assertThatThrownBy(() -> changing.change("p1", 1, with(EnumSet.of(Role.STAFF, Role.MANAGEMENT))))
                .isInstanceOf(ProblemException.class);

        // the record says staff + management; the account has at most what it had, minus the others
        assertThat(log).containsExactly("revoke [reception, office-manager]", "write", "grant failed");
    }

    private final class RecordingAccounts implements SignInAccounts {
        boolean failGrants;
        boolean failClose;

        @Override
        public Account open(String email) {
            return new Account(SUB, false);
        }

        @Override
        public Optional<String> find(String email) {
            return Optional.of(SUB);
        }

        @Override
        public void grant(String sub, Set<Role> roles) {
            if (failGrants) {
                log.add("grant failed");
                throw SignInAccounts.unavailable("test");
            }
            log.add("grant " + sorted(roles));
        }

        @Override
        public void revoke(String sub, Set<Role> roles) {
            log.add("revoke " + sorted(roles));
        }

        @Override
        public boolean close(String sub) {
            if (failClose) {
                log.add("close failed");
                throw SignInAccounts.unavailable("test");
            }
            log.add("close");
            return true;
        }

        private List<String> sorted(Set<Role> roles) {
            return EnumSet.copyOf(roles).stream().map(Role::group).toList();
        }
    }

    private final class FakePeople extends UnusedPeople {
        Person stored;
        Person winner;

        @Override
        public Optional<Person> byId(String id) {
            return Optional.ofNullable(stored);
        }

        @Override
        public void replace(Person current, Person changed) {
            if (winner != null) {
                log.add("write refused");
                stored = winner;
                throw ProblemException.stale("changed meanwhile");
            }
            log.add("write");
            stored = changed;
        }

        @Override
        public void leave(Person person, Departure departure, Optional<String> sub) {
            log.add("leave");
            stored = null;
        }
    }
}
