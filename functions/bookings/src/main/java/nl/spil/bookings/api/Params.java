package nl.spil.bookings.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.problem.ProblemException;

/** Query parameters, checked: a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required, an ISO-8601 time with offset such as 2027-03-29T10:00:00+02:00");
        }
        if (value.length() > 64) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 time with offset such as 2027-03-29T10:00:00+02:00");
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 time with offset such as 2027-03-29T10:00:00+02:00");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            throw ProblemException.badRequest(name, "must be a date such as 2027-03-29");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date such as 2027-03-29");
        }
    }

    static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        if (value.length() > 64 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '#')) {
            throw ProblemException.badRequest(name, "is not an id");
        }
        return value.trim();
    }

    static ResourceType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ResourceType.tryParse(value.trim()).orElseThrow(() -> ProblemException.badRequest("type", "must be room or desk"));
    }

    static int capacity(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("capacity", "must be a whole number from 1 to 10000");
    }

    static Set<String> features(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String f : value.split(",")) {
            String t = f.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 40 || !t.matches("[a-z0-9-]+")) {
                throw ProblemException.badRequest("features", "is a comma-separated list of features such as video,whiteboard");
            }
            out.add(t);
        }
        if (out.size() > 20) {
            throw ProblemException.badRequest("features", "names at most 20 features");
        }
        return out;
    }
}
