package nl.spil.visitors.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.spil.platform.text.Names;

/**
 * Someone the office manager does not want let in without a word: matched by name folded as
 * search folds it ("MÜLLER" is "muller") or by exactly the same e-mail, until the given day.
 */
public record BlockEntry(String id, String name, Optional<String> email, Optional<String> company, String reason,
                         LocalDate until, String createdBy, Instant createdAt) {

    public BlockEntry {
        email = email.map(e -> e.toLowerCase(Locale.ROOT));
        company = company == null ? Optional.empty() : company;
    }

    public String foldedName() {
        return Names.fold(name);
    }

    /** True when this entry stops {@code visitor} on {@code day}. */
    public boolean matches(Visitor visitor, LocalDate day) {
        if (day.isAfter(until)) {
            return false;
        }
        boolean sameName = !foldedName().isEmpty() && foldedName().equals(visitor.foldedName());
        boolean sameEmail = email.isPresent() && visitor.email().map(e -> e.toLowerCase(Locale.ROOT)).equals(email);
        return sameName || sameEmail;
    }

    /** The first entry of {@code entries} that stops {@code visitor} on {@code day}. */
    public static Optional<BlockEntry> firstMatch(List<BlockEntry> entries, Visitor visitor, LocalDate day) {
        return entries.stream().filter(e -> e.matches(visitor, day)).findFirst();
    }

    @Override
    public String toString() {
        return "BlockEntry[" + id + "]";
    }
}
