package nl.spil.visitors.api;

import java.time.LocalDate;
import java.util.Optional;
import nl.spil.platform.json.Text;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/** Query parameters, checked: a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        String v = value.trim();
        if (v.length() > 128 || !v.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')) {
            throw ProblemException.badRequest(name, "is not an id");
        }
        return v;
    }

    static Optional<LocalDate> optionalDate(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(date(name, value));
    }

    static LocalDate date(String name, String value) {
        return Times.parseDate(value).orElseThrow(() -> ProblemException.badRequest(name, Times.DATE_EXPECTED));
    }

    static Optional<String> text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !Text.isWellFormed(value)) {
            throw ProblemException.badRequest(name, "must be text of at most " + max + " characters");
        }
        return Optional.of(value.strip());
    }

    static String email(String name, String value) {
        String v = text(name, value, 254).orElseThrow(() -> ProblemException.badRequest(name, "is required"));
        if (!Text.isEmail(v)) {
            throw ProblemException.badRequest(name, "must be an e-mail address such as name@example.org");
        }
        return Text.normalizeEmail(v);
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + max);
    }
}
