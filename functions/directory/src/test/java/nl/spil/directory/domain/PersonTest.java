package nl.spil.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final Instant CREATED = Instant.parse("2027-03-01T09:00:00Z");
    private static final Instant CHANGED = Instant.parse("2027-03-29T10:15:00Z");
    private static final String SUB = "7f3c9a10-2b4d-4e6f-8a1b-3c5d7e9f0a2b";
    private static final PersonDetails ANNA = details("anna@example.nl", EnumSet.of(Role.STAFF));

    private static PersonDetails details(String email, Set<Role> roles) {
        return new PersonDetails("Anna de Vries", email, Language.NL, Optional.of("CC-1"), Optional.empty(), roles,
                Optional.empty());
    }

    @Test
    void aRegisteredPersonStartsAtVersionOneCreatedAndUpdatedNow() {
        Person p = Person.register("01JPERSON00000000000000000", ANNA, Optional.of(SUB), CREATED);

        assertThat(p.id()).isEqualTo("01JPERSON00000000000000000");
        assertThat(p.details()).isEqualTo(ANNA);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.createdAt()).isEqualTo(CREATED);
        assertThat(p.updatedAt()).isEqualTo(CREATED);
        assertThat(p.email()).isEqualTo("anna@example.nl");
        assertThat(p.sub()).contains(SUB);
    }

    @Test
    void aRecordThatLearnsItsAccountIsANewVersion() {
        // an office manager who read the record before its owner's first sign-in must reload it
        Person p = Person.register("id-1", ANNA, Optional.empty(), CREATED);

        Person linked = p.withAccount(SUB, CHANGED);

        assertThat(linked.sub()).contains(SUB);
        assertThat(linked.version()).isEqualTo(2);
        assertThat(linked.details()).isEqualTo(ANNA);
        assertThat(linked.updatedAt()).isEqualTo(CHANGED);
    }

    @Test
    void leavingHandsOverTheAccountButNoNameOrEmail() {
        Person p = Person.register("id-1", ANNA, Optional.of(SUB), CREATED);

        Departure d = Departure.of(p, true, CHANGED);
        PersonLeft event = d.event(p.sub());

        assertThat(d.rolesEnded()).containsExactly(Role.STAFF);
        assertThat(event).isEqualTo(new PersonLeft("id-1", Optional.of(SUB), CHANGED));
        assertThat(event.dedupeKey()).isEqualTo("directory:person-left:id-1");
        assertThat(java.util.Arrays.stream(PersonLeft.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("personId", "sub", "leftAt");
    }

    @Test
    void changingBumpsTheVersionAndUpdatedTimeButKeepsIdAndCreation() {
        Person p = Person.register("id-1", ANNA, Optional.of(SUB), CREATED);
        PersonDetails changed = details("anna.devries@example.nl", EnumSet.of(Role.STAFF, Role.RECEPTION));

        Person q = p.changedTo(changed, SUB, CHANGED);

        assertThat(q.id()).isEqualTo("id-1");
        assertThat(q.version()).isEqualTo(2);
        assertThat(q.details()).isEqualTo(changed);
        assertThat(q.email()).isEqualTo("anna.devries@example.nl");
        assertThat(q.createdAt()).isEqualTo(CREATED);
        assertThat(q.updatedAt()).isEqualTo(CHANGED);
    }

    @Test
    void everyChangeBumpsTheVersionOnceAndLeavesTheOriginalAlone() {
        Person p = Person.register("id-1", ANNA, Optional.of(SUB), CREATED);

        Person q = p.changedTo(ANNA, SUB, CHANGED).changedTo(ANNA, SUB, CHANGED).changedTo(ANNA, SUB, CHANGED);

        assertThat(q.version()).isEqualTo(4);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void theRolesOfDetailsAreAnImmutableCopy() {
        Set<Role> roles = EnumSet.of(Role.STAFF);
        PersonDetails d = details("a@example.nl", roles);

        roles.add(Role.OFFICE_MANAGER);

        assertThat(d.roles()).containsExactly(Role.STAFF);
        assertThatThrownBy(() -> d.roles().add(Role.MANAGEMENT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUndeliverableAddressIsKeptUntilTheAddressChanges() {
        MailUndeliverable bounced = new MailUndeliverable(MailUndeliverable.Reason.BOUNCE, CREATED);
        Person p = Person.register("id-1", ANNA, Optional.of(SUB), CREATED).withMailUndeliverable(bounced, CHANGED);

        assertThat(p.version()).isEqualTo(2);
        assertThat(p.updatedAt()).isEqualTo(CHANGED);
        assertThat(p.mailUndeliverable()).contains(bounced);
        assertThat(p.withAccount(SUB, CHANGED).mailUndeliverable()).contains(bounced);
        // the same address in other letters, or other details, is still the dead address
        assertThat(p.changedTo(details("Anna@Example.nl", EnumSet.of(Role.STAFF, Role.RECEPTION)), SUB, CHANGED)
                .mailUndeliverable()).contains(bounced);
        Person moved = p.changedTo(details("anna.devries@example.nl", EnumSet.of(Role.STAFF)), SUB, CHANGED);
        assertThat(moved.mailUndeliverable()).isEmpty();
        assertThat(moved.version()).isEqualTo(3);
    }
}
