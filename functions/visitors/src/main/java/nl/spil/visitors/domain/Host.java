package nl.spil.visitors.domain;

import java.util.Optional;
import nl.spil.platform.i18n.Language;

/** The directory person a visitor comes to see; the department feeds the statistics. */
public record Host(String personId, String name, String email, Language language, Optional<String> department) {

    public Host {
        department = department == null ? Optional.empty() : department;
    }

    @Override
    public String toString() {
        return "Host[" + personId + "]";
    }
}
