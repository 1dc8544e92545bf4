package nl.spil.visitors.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Why someone visits, as a fixed word rather than free text: it survives retention in the
 * statistics, so it must never carry a name ("interview with Jan" would).
 */
public enum Purpose {
    MEETING, INTERVIEW, DELIVERY, MAINTENANCE, EVENT, OTHER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Purpose> tryParse(String word) {
        for (Purpose p : values()) {
            if (p.word().equals(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static final String WORDS = "meeting, interview, delivery, maintenance, event or other";
}
