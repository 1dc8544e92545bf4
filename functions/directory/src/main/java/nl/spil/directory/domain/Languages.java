package nl.spil.directory.domain;

import java.util.Locale;
import java.util.Optional;
import nl.spil.platform.i18n.Language;

/** Reads "nl"/"en" as people type them. */
public final class Languages {

    private Languages() {
    }

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "nl" -> Optional.of(Language.NL);
            case "en" -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }
}
