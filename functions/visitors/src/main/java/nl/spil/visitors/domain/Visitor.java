package nl.spil.visitors.domain;

import java.util.Objects;
import java.util.Optional;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.text.Names;

/** Who comes: personal data, kept only for the site's retention and never logged. */
public record Visitor(String name, Optional<String> company, Optional<String> email, Language language) {

    public Visitor {
        Objects.requireNonNull(name, "name");
        company = company == null ? Optional.empty() : company;
        email = email == null ? Optional.empty() : email;
        Objects.requireNonNull(language, "language");
    }

    /** The name as search and the block list compare it ({@link Names#fold}). */
    public String foldedName() {
        return Names.fold(name);
    }

    @Override
    public String toString() {
        return "Visitor[personal data]";
    }
}
