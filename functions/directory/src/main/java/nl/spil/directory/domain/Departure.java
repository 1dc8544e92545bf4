package nl.spil.directory.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.identity.Role;

/**
 * What leaving did, the receipt the office manager is answered with. It keeps no name or e-mail,
 * so the directory may keep it for a while after the person's record is gone, and answer a
 * repeated request with the same receipt.
 *
 * @param accountClosed a sign-in account was found, taken out of every group, disabled and signed
 *                      out on every device; false when the person had no account
 * @param rolesEnded    the roles the directory record gave them
 */
public record Departure(String personId, Instant leftAt, boolean accountClosed, Set<Role> rolesEnded) {

    public Departure {
        rolesEnded = Set.copyOf(rolesEnded);
    }

    public static Departure of(Person person, boolean accountClosed, Instant now) {
        return new Departure(person.id(), now, accountClosed, person.roles());
    }

    /** The event handed to the other functions in the same transaction as the record's removal. */
    public PersonLeft event(Optional<String> sub) {
        return new PersonLeft(personId, sub, leftAt);
    }
}
