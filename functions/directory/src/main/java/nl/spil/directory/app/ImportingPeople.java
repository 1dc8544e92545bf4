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
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.FieldError;

/**
 * The office manager uploads a CSV of people. Valid rows are added, each row whole or not at
 * all; every other row is reported with its line and fields. Sending the same file again adds
 * nobody twice: those rows come back as "already registered".
 */
@Singleton
public class ImportingPeople {

    private final People people;
    private final Sites sites;
    private final Ids ids;
    private final Clock clock;

    public ImportingPeople(People people, Sites sites, Ids ids, Clock clock) {
        this.people = people;
        this.sites = sites;
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

    public Report importRows(List<Row> rows) {
        Set<String> siteIds = new HashSet<>();
        rows.forEach(r -> r.person().flatMap(p -> p.siteId()).ifPresent(siteIds::add));
        Set<String> unknownSites = siteIds.isEmpty() ? Set.of() : sites.unknown(siteIds);

        List<RowError> errors = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        List<Person> valid = new ArrayList<>();
        Instant now = clock.instant();
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
            Person person = Person.register(ids.next(), row.person().get(), now);
            lineOf.put(person.id(), row.line());
            valid.add(person);
        }
        List<String> taken = people.addAll(valid);
        Set<String> takenSet = new HashSet<>(taken);
        List<String> imported = new ArrayList<>();
        for (Person p : valid) {
            if (takenSet.contains(p.id())) {
                errors.add(new RowError(lineOf.get(p.id()), "email", "is already registered"));
            } else {
                imported.add(p.id());
            }
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Report(rows.size(), imported.size(), imported, errors);
    }
}
