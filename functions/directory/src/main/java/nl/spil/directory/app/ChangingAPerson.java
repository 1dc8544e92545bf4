package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.problem.ProblemException;

/** The office manager corrects someone's details; a stale version is refused (412). */
@Singleton
public class ChangingAPerson {

    private final People people;
    private final Sites sites;
    private final Clock clock;

    public ChangingAPerson(People people, Sites sites, Clock clock) {
        this.people = people;
        this.sites = sites;
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
        Person changed = current.changedTo(details, clock.instant());
        people.replace(current, changed);
        return changed;
    }
}
