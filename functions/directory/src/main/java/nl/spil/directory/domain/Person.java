package nl.spil.directory.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;

/**
 * Someone in the directory: who every domain notifies, in their own language. The e-mail is
 * unique (lower-cased) and is how a signed-in caller is matched to their record.
 */
public record Person(String id, PersonDetails details, long version, Instant createdAt, Instant updatedAt) {

    public String email() {
        return details.email();
    }

    public Person changedTo(PersonDetails newDetails, Instant now) {
        return new Person(id, newDetails, version + 1, createdAt, now);
    }

    public static Person register(String id, PersonDetails details, Instant now) {
        return new Person(id, details, 1, now, now);
    }

    /** What a person record says, as entered by the office manager or a CSV row. */
    public record PersonDetails(String name, String email, Language language, Optional<String> costCentre,
                                Optional<String> siteId, Set<Role> roles, Optional<Address> homeAddress) {

        public PersonDetails {
            roles = Set.copyOf(roles);
        }
    }
}
