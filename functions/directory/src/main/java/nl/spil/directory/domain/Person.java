package nl.spil.directory.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;

/**
 * Someone in the directory: who every domain notifies, in their own language. The e-mail is
 * unique (lower-cased) and is how a signed-in caller is matched to their record; {@code sub} is
 * their sign-in account's subject (the Cognito user), which bookings and other functions key
 * their own records by, once the account is known. {@code mailUndeliverable} is present while mail
 * to their address cannot be delivered (it bounced for good, or they reported it as spam), until the
 * office manager changes the address.
 */
public record Person(String id, PersonDetails details, Optional<String> sub, long version, Instant createdAt,
                     Instant updatedAt, Optional<MailUndeliverable> mailUndeliverable) {

    public String email() {
        return details.email();
    }

    public Set<Role> roles() {
        return details.roles();
    }

    /**
     * The record with new details, and the sign-in account it has (the one it had, or one found now).
     * A new e-mail address is presumed to work: what was recorded about the old one is dropped.
     */
    public Person changedTo(PersonDetails newDetails, String accountSub, Instant now) {
        Optional<MailUndeliverable> stillUndeliverable = newDetails.email().equalsIgnoreCase(email())
                ? mailUndeliverable : Optional.empty();
        return new Person(id, newDetails, Optional.of(accountSub), version + 1, createdAt, now, stillUndeliverable);
    }

    /** The record with its sign-in account; a new version, so an office manager's older copy is stale. */
    public Person withAccount(String accountSub, Instant now) {
        return new Person(id, details, Optional.of(accountSub), version + 1, createdAt, now, mailUndeliverable);
    }

    /** The record saying mail to its address cannot be delivered; a new version. */
    public Person withMailUndeliverable(MailUndeliverable undeliverable, Instant now) {
        return new Person(id, details, sub, version + 1, createdAt, now, Optional.of(undeliverable));
    }

    public static Person register(String id, PersonDetails details, Optional<String> sub, Instant now) {
        return new Person(id, details, sub, 1, now, now, Optional.empty());
    }

    /** What a person record says, as entered by the office manager or a CSV row. */
    public record PersonDetails(String name, String email, Language language, Optional<String> costCentre,
                                Optional<String> siteId, Set<Role> roles, Optional<Address> homeAddress) {

        public PersonDetails {
            roles = Set.copyOf(roles);
        }
    }
}
