package nl.spil.visitors.domain;

import java.util.Optional;

/** Where a visit stands. A host sees {@code needs-review} only as "pending review", never why. */
public enum VisitStatus {
    EXPECTED("expected"),
    NEEDS_REVIEW("needs-review"),
    CHECKED_IN("checked-in"),
    CHECKED_OUT("checked-out"),
    CANCELLED("cancelled"),
    REFUSED("refused");

    private final String word;

    VisitStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<VisitStatus> tryParse(String word) {
        for (VisitStatus s : values()) {
            if (s.word.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
