package nl.spil.directory.app;

import nl.spil.platform.idempotency.CreateRequest;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Function;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;

/** The office manager adds someone to the directory. */
@Singleton
public class RegisteringAPerson {

    private final People people;
    private final Sites sites;
    private final Ids ids;
    private final Clock clock;

    public RegisteringAPerson(People people, Sites sites, Ids ids, Clock clock) {
        this.people = people;
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
    }

    public Response register(PersonDetails details, CreateRequest request, Function<Person, Response> answer) {
        details.siteId().ifPresent(site -> {
            if (!sites.unknown(java.util.Set.of(site)).isEmpty()) {
                throw ProblemException.badRequest("siteId", "is not a site of this organisation");
            }
        });
        return people.add(Person.register(ids.next(), details, clock.instant()), request, answer);
    }
}
