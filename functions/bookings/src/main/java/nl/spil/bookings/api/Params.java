package nl.spil.bookings.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/** Query parameters, checked: a bad one is a 400 naming it; dates and times through the platform's bounded {@link Times}. */
final class Params {

    private Params() {
    }

    /** A required date-time with offset in the years {@link Times} accepts (so a key or site day can always be made of it). */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required; it " + Times.DATE_TIME_EXPECTED);
        }
        return Times.parseDateTime(value).map(OffsetDateTime::toInstant)
                .orElseThrow(() -> ProblemException.badRequest(name, Times.DATE_TIME_EXPECTED));
    }

    static LocalDate date(String name, String value) {
        return Times.parseDate(value).orElseThrow(() -> ProblemException.badRequest(name, Times.DATE_EXPECTED));
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
