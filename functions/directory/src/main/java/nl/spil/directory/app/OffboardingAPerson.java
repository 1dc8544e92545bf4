package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;

/**
 * The office manager records that someone left. Their sign-in account is taken out of every
 * group, disabled and signed out on every device; then, in one transaction, every directory item
 * of theirs is removed, the receipt kept (no name or e-mail) and {@code PersonLeft} handed to the
 * functions that keep something about them. The account goes first: should the rest fail, the
 * person is still in the directory and the request can simply be sent again.
 *
 * <p>Leaving twice is no error: while the receipt is kept (30 days), the same receipt is answered
 * again; after that, and for someone who never was in the directory, 404.
 */
@Singleton
public class OffboardingAPerson {

    private final People people;
    private final SignInAccounts accounts;
    private final AccountGroups groups;
    private final Clock clock;

    public OffboardingAPerson(People people, SignInAccounts accounts, AccountGroups groups, Clock clock) {
        this.people = people;
        this.accounts = accounts;
        this.groups = groups;
        this.clock = clock;
    }

    public Departure leave(String id) {
        return Retrying.onConcurrentChange(() -> {
            Optional<Person> found = people.byId(id);
            if (found.isEmpty()) {
                return people.departure(id).orElseThrow(() -> ProblemException.notFound("person", id));
            }
            Person person = found.get();
            // An account made outside Spil that its owner never used with Spil is found by e-mail.
            Optional<String> sub = person.sub().or(() -> accounts.find(person.email()));
            boolean closed = sub.map(s -> {
                groups.removeAll(s);
                return accounts.close(s);
            }).orElse(false);
            Departure departure = Departure.of(person, closed, clock.instant());
            people.leave(person, departure, sub);
            return departure;
        });
    }
}
