package nl.spil.platform.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/**
 * Typed, collecting access to a JSON object's fields. Each getter records a {@link FieldError}
 * instead of throwing, so one answer names every bad field; {@link #done()} throws the 400.
 * Text fields refuse control characters (CR/LF included) unless they are multi-line by design.
 */
public final class JsonFields {

    private final String prefix;
    private final Map<String, Object> values;
    private final List<FieldError> errors;

    JsonFields(String prefix, Map<String, Object> values) {
        this(prefix, values, new ArrayList<>());
    }

    private JsonFields(String prefix, Map<String, Object> values, List<FieldError> errors) {
        this.prefix = prefix;
        this.values = values;
        this.errors = errors;
    }

    public boolean has(String name) {
        return values.containsKey(name) && values.get(name) != null;
    }

    /** Refuses every field not named (a typo must not be silently ignored). */
    public JsonFields only(Collection<String> allowed) {
        Set<String> set = Set.copyOf(allowed);
        for (String name : values.keySet()) {
            if (!set.contains(name)) {
                error(name, "is not a known field");
            }
        }
        return this;
    }

    public JsonFields only(String... allowed) {
        return only(List.of(allowed));
    }

    public String text(String name, int maxLength) {
        return text(name, maxLength, true).orElse(null);
    }

    public Optional<String> optionalText(String name, int maxLength) {
        return text(name, maxLength, false);
    }

    /** Free text that may span lines (notes): tabs and newlines allowed, other controls not. */
    public Optional<String> optionalMultiline(String name, int maxLength) {
        Object raw = values.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof String s)) {
            error(name, "must be a string");
            return Optional.empty();
        }
        if (s.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (Text.hasControl(s, true)) {
            error(name, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(s.strip());
    }

    private Optional<String> text(String name, int maxLength, boolean required) {
        Object raw = values.get(name);
        if (raw == null) {
            if (required) {
                error(name, "is required");
            }
            return Optional.empty();
        }
        if (!(raw instanceof String s)) {
            error(name, "must be a string");
            return Optional.empty();
        }
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                error(name, "must not be empty");
            }
            return Optional.empty();
        }
        if (trimmed.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (Text.hasControl(trimmed, false)) {
            error(name, "must not contain control characters or line breaks");
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /**
     * The text of an optional typed value (a word of a list, a date, a time, a zone): absent is
     * empty, but present and blank is this field's error. A blank never means "the default": a
     * PUT that sends {@code "opens": ""} must not quietly turn 09:00 into the default 08:00.
     */
    private Optional<String> optionalValue(String name, String expected) {
        if (values.get(name) instanceof String s && s.isBlank()) {
            error(name, (expected.startsWith("must") ? expected : "must be " + expected)
                    + "; leave the field out for the default");
            return Optional.empty();
        }
        return optionalText(name, 64);
    }

    public Optional<String> optionalEmail(String name) {
        return optionalText(name, 254).flatMap(s -> {
            if (!Text.isEmail(s)) {
                error(name, "must be an e-mail address such as name@example.org");
                return Optional.empty();
            }
            return Optional.of(Text.normalizeEmail(s));
        });
    }

    public String email(String name) {
        String s = text(name, 254);
        if (s == null) {
            return null;
        }
        if (!Text.isEmail(s)) {
            error(name, "must be an e-mail address such as name@example.org");
            return null;
        }
        return Text.normalizeEmail(s);
    }

    public Long integer(String name, long min, long max) {
        return optionalInteger(name, min, max, true).orElse(null);
    }

    public Optional<Long> optionalInteger(String name, long min, long max) {
        return optionalInteger(name, min, max, false);
    }

    private Optional<Long> optionalInteger(String name, long min, long max, boolean required) {
        Object raw = values.get(name);
        if (raw == null) {
            if (required) {
                error(name, "is required");
            }
            return Optional.empty();
        }
        if (!JsonBody.isWholeNumber(raw)) {
            error(name, "must be a whole number");
            return Optional.empty();
        }
        BigDecimal d = (BigDecimal) raw;
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "must be from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(d.longValueExact());
    }

    public Optional<Boolean> optionalBoolean(String name) {
        Object raw = values.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Boolean b)) {
            error(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** One of the given words (case-sensitive, as the API documents them). */
    public <E> E oneOf(String name, Function<String, Optional<E>> parse, String expected, boolean required) {
        Optional<String> raw = required ? text(name, 64, true) : optionalValue(name, expected);
        if (raw.isEmpty()) {
            return null;
        }
        Optional<E> parsed = parse.apply(raw.get());
        if (parsed.isEmpty()) {
            error(name, "must be " + expected);
            return null;
        }
        return parsed.get();
    }

    public List<String> textList(String name, int maxItems, int maxLength, boolean required) {
        Object raw = values.get(name);
        if (raw == null) {
            if (required) {
                error(name, "is required");
            }
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            error(name, "must be a list of strings");
            return List.of();
        }
        if (list.size() > maxItems) {
            error(name, "must have at most " + maxItems + " entries");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String field = name + "[" + i + "]";
            if (!(item instanceof String s) || s.isBlank()) {
                error(field, "must be a non-empty string");
            } else if (s.strip().length() > maxLength) {
                error(field, "must be at most " + maxLength + " characters");
            } else if (Text.hasControl(s, false)) {
                error(field, "must not contain control characters");
            } else {
                out.add(s.strip());
            }
        }
        return out;
    }

    public Optional<JsonFields> optionalObject(String name) {
        Object raw = values.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            error(name, "must be an object");
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return Optional.of(new JsonFields(prefix + name + ".", typed, errors));
    }

    /** A date-time with an offset in the years {@link Times} accepts; anything else is this field's error. */
    public OffsetDateTime instant(String name) {
        String s = text(name, 64);
        if (s == null) {
            return null;
        }
        Optional<OffsetDateTime> t = Times.parseDateTime(s);
        if (t.isEmpty()) {
            error(name, Times.DATE_TIME_EXPECTED);
        }
        return t.orElse(null);
    }

    /** A calendar date in the years {@link Times} accepts. */
    public Optional<LocalDate> optionalDate(String name) {
        return optionalValue(name, Times.DATE_EXPECTED).flatMap(s -> {
            Optional<LocalDate> d = Times.parseDate(s);
            if (d.isEmpty()) {
                error(name, Times.DATE_EXPECTED);
            }
            return d;
        });
    }

    public Optional<LocalTime> optionalTime(String name) {
        return optionalValue(name, Times.TIME_OF_DAY_EXPECTED).flatMap(s -> {
            Optional<LocalTime> t = Times.parseTimeOfDay(s);
            if (t.isEmpty()) {
                error(name, Times.TIME_OF_DAY_EXPECTED);
            }
            return t;
        });
    }

    /** An IANA region such as Europe/Amsterdam; a fixed offset ("+02:00", "UTC+2") would lose daylight saving. */
    public Optional<ZoneId> optionalZone(String name) {
        return optionalValue(name, Times.ZONE_EXPECTED).flatMap(s -> {
            Optional<ZoneId> zone = Times.parseZone(s);
            if (zone.isEmpty()) {
                error(name, Times.ZONE_EXPECTED);
            }
            return zone;
        });
    }

    /**
     * A list of objects (order lines, for example), each read with the same collecting rules; its
     * errors are named {@code name[i].field}. Absent: an empty list.
     */
    public List<JsonFields> objectList(String name, int maxItems) {
        Object raw = values.get(name);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            error(name, "must be a list of objects");
            return List.of();
        }
        if (list.size() > maxItems) {
            error(name, "must have at most " + maxItems + " entries");
            return List.of();
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                error(name + "[" + i + "]", "must be an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            out.add(new JsonFields(prefix + name + "[" + i + "].", typed, errors));
        }
        return out;
    }

    /** Records a rule broken across fields (for example "end before start"). */
    public void error(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws the 400 naming every bad field, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(List.copyOf(errors));
        }
    }
}
