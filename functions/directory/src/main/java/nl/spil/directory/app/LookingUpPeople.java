package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.directory.domain.Person;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/**
 * Anyone finds their own record ("me", by the token's verified e-mail); the office manager finds
 * everyone. A record that does not know its sign-in account yet (made before the directory
 * linked accounts, or written by hand) learns it from its owner's first "me": the caller's
 * subject is stored, and the account's groups are set to the record's roles.
 */
@Singleton
public class LookingUpPeople {

    private final People people;
    private final AccountGroups groups;
    private final Clock clock;

    public LookingUpPeople(People people, AccountGroups groups, Clock clock) {
        this.people = people;
        this.groups = groups;
        this.clock = clock;
    }

    public Person me(Caller caller) {
        String email = caller.email().orElseThrow(() -> new ProblemException(Problem.of(403, "token-without-email",
                "The token carries no e-mail", "send the ID token, which carries a verified e-mail claim")));
        Person person = people.byEmail(email).orElseThrow(() -> new ProblemException(Problem.of(404, "not-in-directory",
                "Not in the directory", "there is no directory record for your e-mail address; ask the office manager to add you")));
        return person.sub().isPresent() ? person : linked(person, caller.id());
    }

    /**
     * The roles do not change here, so the account gets exactly the record's groups before the
     * record names it. A lost race (the office manager saved the person meanwhile, which links the
     * account too) or a sign-in service that does not answer leaves the link to the next "me";
     * the groups then follow the record as it is.
     */
    private Person linked(Person person, String sub) {
        try {
            groups.beforeWriting(sub, person.roles());
            groups.afterWriting(sub, person.roles());
            Person linked = person.withAccount(sub, clock.instant());
            people.replace(person, linked);
            return linked;
        } catch (ProblemException notNow) {
            try {
                people.byId(person.id()).ifPresent(now -> now.sub().ifPresent(s -> {
                    groups.beforeWriting(s, now.roles());
                    groups.afterWriting(s, now.roles());
                }));
            } catch (ProblemException stillNot) {
                // the next save or "me" sets them
            }
            return person;
        }
    }

    public Person byId(String id) {
        return people.byId(id).orElseThrow(() -> ProblemException.notFound("person", id));
    }

    public Page<Person> list(PageRequest page) {
        return people.list(page);
    }
}
