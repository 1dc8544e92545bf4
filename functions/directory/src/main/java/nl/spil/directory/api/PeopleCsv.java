package nl.spil.directory.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.directory.app.ImportingPeople.Row;
import nl.spil.directory.domain.Address;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.Text;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a people CSV (header row first; comma or semicolon separated, as spreadsheets in the
 * Netherlands often write semicolons). Every row is checked on its own: a row is either fully
 * valid or reported with each bad field, so the import never writes half a person.
 */
public final class PeopleCsv {

    public static final int MAX_ROWS = 5000;
    public static final List<String> COLUMNS = List.of("name", "email", "language", "costCentre", "site", "roles",
            "homeAddressLine1", "homeAddressLine2", "homePostalCode", "homeCity", "homeCountry");
    private static final Set<String> REQUIRED = Set.of("name", "email");

    private PeopleCsv() {
    }

    public static List<Row> read(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("body", "a CSV file with a header row is required");
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // Excel's byte order mark
        char delimiter = firstLine(text).chars().filter(c -> c == ';').count()
                > firstLine(text).chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = canonicalHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            Set<String> seenEmails = new HashSet<>();
            Lines lines = new Lines(text);
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.tooLarge("a CSV import takes at most " + MAX_ROWS + " rows");
                }
                rows.add(row(record, lines.startOf(record.getCharacterPosition()), header, seenEmails));
            }
            return rows;
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("body", "is not a readable CSV file: " + safe(e.getMessage()));
        }
    }

    private static Map<String, Integer> canonicalHeader(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String given = names.get(i).strip();
            Optional<String> known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(given)).findFirst();
            if (known.isEmpty()) {
                errors.add(new FieldError("header", "unknown column \"" + safe(given) + "\"; columns are " + COLUMNS));
            } else if (header.containsKey(known.get())) {
                errors.add(new FieldError("header", "the column \"" + known.get() + "\" appears more than once"));
            } else {
                header.put(known.get(), i);
            }
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) {
                errors.add(new FieldError("header", "the column \"" + required + "\" is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return header;
    }

    private static Row row(CSVRecord record, long line, Map<String, Integer> header, Set<String> seenEmails) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> v = new HashMap<>();
        header.forEach((column, index) -> {
            String value = index < record.size() ? record.get(index).strip() : "";
            if (Text.hasControl(value, false)) {
                errors.add(new FieldError(column, "must not contain control characters or line breaks"));
                value = "";
            }
            v.put(column, value);
        });
        String name = v.getOrDefault("name", "");
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String email = v.getOrDefault("email", "");
        if (!Text.isEmail(email)) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.org"));
        } else {
            email = Text.normalizeEmail(email);
            if (!seenEmails.add(email)) {
                errors.add(new FieldError("email", "appears on an earlier row of this file"));
            }
        }
        Language language = Language.NL;
        String lang = v.getOrDefault("language", "");
        if (!lang.isEmpty()) {
            Optional<Language> parsed = Language.tryParse(lang);
            if (parsed.isEmpty()) {
                errors.add(new FieldError("language", "must be nl or en"));
            } else {
                language = parsed.get();
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String rolesText = v.getOrDefault("roles", "");
        if (rolesText.isEmpty()) {
            roles.add(Role.STAFF);
        } else {
            for (String part : rolesText.split("[|;,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                Optional<Role> role = Role.fromGroup(part);
                if (role.isEmpty()) {
                    errors.add(new FieldError("roles", "\"" + safe(part) + "\" is not one of staff, reception, office-manager, management"));
                } else {
                    roles.add(role.get());
                }
            }
        }
        Optional<String> costCentre = optional(v, "costCentre", 64, errors);
        Optional<String> site = optional(v, "site", 64, errors);
        Optional<Address> address = address(v, errors);
        if (!errors.isEmpty()) {
            return new Row(line, Optional.empty(), List.copyOf(errors));
        }
        return new Row(line, Optional.of(new PersonDetails(name, email, language, costCentre, site, roles, address)), List.of());
    }

    private static Optional<String> optional(Map<String, String> v, String column, int max, List<FieldError> errors) {
        String value = v.getOrDefault(column, "");
        if (value.length() > max) {
            errors.add(new FieldError(column, "must be at most " + max + " characters"));
            return Optional.empty();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Address> address(Map<String, String> v, List<FieldError> errors) {
        Optional<String> line1 = optional(v, "homeAddressLine1", 200, errors);
        Optional<String> line2 = optional(v, "homeAddressLine2", 200, errors);
        Optional<String> postal = optional(v, "homePostalCode", 16, errors);
        Optional<String> city = optional(v, "homeCity", 100, errors);
        Optional<String> country = optional(v, "homeCountry", 2, errors);
        boolean any = line1.isPresent() || line2.isPresent() || postal.isPresent() || city.isPresent() || country.isPresent();
        if (!any) {
            return Optional.empty();
        }
        if (line1.isEmpty() || postal.isEmpty() || city.isEmpty()) {
            errors.add(new FieldError("homeAddressLine1", "a home address needs line 1, postal code and city"));
            return Optional.empty();
        }
        String cc = country.orElse("NL").toUpperCase(Locale.ROOT);
        if (!cc.matches("[A-Z]{2}")) {
            errors.add(new FieldError("homeCountry", "must be a two-letter country code such as NL"));
            return Optional.empty();
        }
        return Optional.of(new Address(line1.get(), line2, postal.get(), city.get(), cc));
    }

    /**
     * The line a record starts on, as an editor numbers it. The parser only knows the line it has
     * read up to, which is the last line of a record with a quoted line break in it.
     */
    private static final class Lines {
        private final String text;
        private int position;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        /** Reads forward to the record's first character, past the empty lines the parser skips. */
        long startOf(long recordPosition) {
            int target = (int) Math.min(recordPosition, text.length());
            while (position < target) {
                step();
            }
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                step();
            }
            return line;
        }

        private void step() {
            char c = text.charAt(position++);
            if (c == '\n' || (c == '\r' && (position == text.length() || text.charAt(position) != '\n'))) {
                line++;
            }
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cleaned = s.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
    }
}
