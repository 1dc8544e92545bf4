package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;

/**
 * The office manager uploads a CSV of people. Valid rows are added, each row whole or not at
 * all, with its sign-in account (opened, or the existing one linked) as
 * {@link RegisteringAPerson} does for one person; every other row is reported with its line and
 * fields. Sending the same file again adds nobody twice: those rows come back as "already
 * registered", and their accounts are not touched.
 */
@Singleton
public class ImportingPeople {

    /** Accounts are opened a few at a time: the identity provider answers each in tens of ms. */
    static final int ACCOUNTS_AT_ONCE = 8;
    private final People people;
    private final Sites sites;
    private final SignInAccounts accounts;
    private final AccountGroups groups;
    private final Ids ids;
    private final Clock clock;

    public ImportingPeople(People people, Sites sites, SignInAccounts accounts, AccountGroups groups, Ids ids,
                           Clock clock) {
        this.people = people;
        this.sites = sites;
        this.accounts = accounts;
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
    }

    /** One data row of the file: its line, and either the person it describes or what is wrong. */
    public record Row(long line, Optional<PersonDetails> person, List<FieldError> errors) {
    }

    public record RowError(long line, String field, String message) {
    }

    public record Report(int rows, int imported, List<String> importedIds, List<RowError> errors) {
    }

    private record Candidate(long line, PersonDetails details) {
    }

    public Report importRows(List<Row> rows) {
        Set<String> siteIds = new HashSet<>();
        rows.forEach(r -> r.person().flatMap(PersonDetails::siteId).ifPresent(siteIds::add));
        Set<String> unknownSites = siteIds.isEmpty() ? Set.of() : sites.unknown(siteIds);

        List<RowError> errors = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Row row : rows) {
            for (FieldError e : row.errors()) {
                errors.add(new RowError(row.line(), e.field(), e.message()));
            }
            if (row.person().isEmpty()) {
                continue;
            }
            if (row.person().get().siteId().filter(unknownSites::contains).isPresent()) {
                errors.add(new RowError(row.line(), "site", "is not a site of this organisation"));
                continue;
            }
            candidates.add(new Candidate(row.line(), row.person().get()));
        }
        Set<String> registered = candidates.isEmpty() ? Set.of()
                : people.registered(candidates.stream().map(c -> c.details().email()).toList());
        List<Candidate> newcomers = new ArrayList<>();
        for (Candidate c : candidates) {
            if (registered.contains(c.details().email())) {
                errors.add(alreadyRegistered(c.line()));
            } else {
                newcomers.add(c);
            }
        }

        Instant now = clock.instant();
        Map<String, Long> lineOf = new HashMap<>();
        List<Person> valid = new ArrayList<>();
        List<Outcome<SignInAccounts.Account>> opened = inParallel(newcomers, c -> {
            SignInAccounts.Account account = accounts.open(c.details().email());
            if (!account.opened()) {
                groups.beforeWriting(account.sub(), c.details().roles());
            }
            return account;
        });
        for (int i = 0; i < newcomers.size(); i++) {
            Candidate c = newcomers.get(i);
            if (opened.get(i).failed()) {
                errors.add(new RowError(c.line(), "email", "the sign-in account could not be opened now; import the "
                        + "row again"));
                continue;
            }
            Person person = Person.register(ids.next(), c.details(), Optional.of(opened.get(i).value().sub()), now);
            lineOf.put(person.id(), c.line());
            valid.add(person);
        }
        Set<String> taken = new HashSet<>(people.addAll(valid));
        List<Person> imported = valid.stream().filter(p -> !taken.contains(p.id())).toList();
        taken.forEach(id -> errors.add(alreadyRegistered(lineOf.get(id))));
        List<Outcome<Boolean>> granted = inParallel(imported, p -> {
            groups.afterWriting(p.sub().orElseThrow(), p.roles());
            return true;
        });
        for (int i = 0; i < imported.size(); i++) {
            if (granted.get(i).failed()) {
                errors.add(new RowError(lineOf.get(imported.get(i).id()), "roles", "imported, but the sign-in groups "
                        + "could not be set now; save the person to finish"));
            }
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Report(rows.size(), imported.size(), imported.stream().map(Person::id).toList(), errors);
    }

    private static RowError alreadyRegistered(long line) {
        return new RowError(line, "email", "is already registered");
    }

    private record Outcome<T>(T value, boolean failed) {
    }

    /** Runs {@code work} on each element, a few at a time; a refusal of one is that element's outcome. */
    private static <E, T> List<Outcome<T>> inParallel(List<E> elements, Function<E, T> work) {
        if (elements.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ACCOUNTS_AT_ONCE, elements.size()));
        try {
            List<Future<T>> futures = elements.stream().map(e -> pool.submit(() -> work.apply(e))).toList();
            List<Outcome<T>> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(new Outcome<>(f.get(), false));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ProblemException)) {
                        throw new IllegalStateException("importing a row failed", e.getCause());
                    }
                    out.add(new Outcome<>(null, true));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
