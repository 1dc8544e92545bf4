package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager adds someone to the directory, and with it their sign-in account: opened
 * (the identity provider mails them an invitation) or, when one exists for the e-mail, linked.
 * The record keeps the account's subject; the account's groups become the person's roles once
 * the record is written.
 */
@Singleton
public class RegisteringAPerson {

    private final People people;
    private final Sites sites;
    private final SignInAccounts accounts;
    private final AccountGroups groups;
    private final Ids ids;
    private final Clock clock;

    public RegisteringAPerson(People people, Sites sites, SignInAccounts accounts, AccountGroups groups, Ids ids,
                              Clock clock) {
        this.people = people;
        this.sites = sites;
        this.accounts = accounts;
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
    }

    public Response register(PersonDetails details, CreateRequest request, Function<Person, Response> answer) {
        details.siteId().ifPresent(site -> {
            if (!sites.unknown(Set.of(site)).isEmpty()) {
                throw ProblemException.badRequest("siteId", "is not a site of this organisation");
            }
        });
        Optional<String> sub = Optional.empty();
        // A taken e-mail is answered by the store (409, or the first answer to a retry) without
        // touching the account of the person who has it.
        if (people.byEmail(details.email()).isEmpty()) {
            SignInAccounts.Account account = accounts.open(details.email());
            if (!account.opened()) {
                groups.beforeWriting(account.sub(), details.roles());
            }
            sub = Optional.of(account.sub());
        }
        // The person answered: the one written now, or on a retry the one written then.
        AtomicReference<Person> answered = new AtomicReference<>();
        Response response = people.add(Person.register(ids.next(), details, sub, clock.instant()), request,
                person -> {
                    answered.set(person);
                    return answer.apply(person);
                });
        Person written = answered.get();
        try {
            // on a retry too: a first attempt that stopped before this point is finished by the retry
            written.sub().ifPresent(s -> groups.afterWriting(s, written.roles()));
        } catch (ProblemException unavailable) {
            throw SignInAccounts.unavailable("person " + written.id() + " was saved, but their sign-in groups could "
                    + "not be set; send the same request again (same Idempotency-Key) or save the person to finish");
        }
        return response;
    }
}
