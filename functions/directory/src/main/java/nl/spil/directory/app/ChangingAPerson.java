package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager corrects someone's details or roles; a stale version is refused (412). The
 * sign-in account's groups follow the roles (see {@link AccountGroups}); a record without an
 * account (imported before accounts were linked, or whose account could not be opened then)
 * gets one now.
 */
@Singleton
public class ChangingAPerson {

    private final People people;
    private final Sites sites;
    private final SignInAccounts accounts;
    private final AccountGroups groups;
    private final Clock clock;

    public ChangingAPerson(People people, Sites sites, SignInAccounts accounts, AccountGroups groups, Clock clock) {
        this.people = people;
        this.sites = sites;
        this.accounts = accounts;
        this.groups = groups;
        this.clock = clock;
    }

    public Person change(String id, long expectedVersion, PersonDetails details) {
        Person current = people.byId(id).orElseThrow(() -> ProblemException.notFound("person", id));
        if (current.version() != expectedVersion) {
            throw ProblemException.stale("person " + id + " is at version " + current.version()
                    + ", not " + expectedVersion + "; reload it and apply your change again");
        }
        details.siteId().ifPresent(site -> {
            if (!sites.unknown(Set.of(site)).isEmpty()) {
                throw ProblemException.badRequest("siteId", "is not a site of this organisation");
            }
        });
        String sub = current.sub().orElseGet(() -> accounts.open(details.email()).sub());
        Person changed = current.changedTo(details, sub, clock.instant());
        groups.beforeWriting(sub, details.roles());
        try {
            people.replace(current, changed);
        } catch (ProblemException refused) {
            // Someone else's write won: the groups follow the record as it now is.
            people.byId(id).ifPresent(now -> now.sub().ifPresent(s -> groups.afterWriting(s, now.roles())));
            throw refused;
        }
        groups.afterWriting(sub, details.roles());
        return changed;
    }
}
