package nl.spil.platform.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one reader and writer of times in Spil's answers and requests.
 *
 * <p>Reading: an ISO-8601 / RFC 3339 date-time with an offset, or a date, is accepted only in
 * {@link #FIRST_YEAR}..{@link #LAST_YEAR}. Java parses years up to ±999999999, and arithmetic on
 * such instants (a site day, a quarter hour, a key) throws far from the request; bounding them
 * where they are read makes every such input a 400 naming its field.
 *
 * <p>Writing: always with seconds ({@code 2027-01-05T10:00:00+01:00}); Java's default text
 * leaves zero seconds out ({@code 10:00+01:00}), which RFC 3339 and strict clients refuse.
 */
public final class Times {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** What a refused date-time is told: the form and the bounds. */
    public static final String DATE_TIME_EXPECTED =
            "must be an ISO-8601 time with offset, such as 2027-03-29T10:00:00+02:00, in the years "
                    + FIRST_YEAR + " to " + LAST_YEAR;
    public static final String DATE_EXPECTED =
            "must be a date such as 2027-03-29, in the years " + FIRST_YEAR + " to " + LAST_YEAR;
    public static final String TIME_OF_DAY_EXPECTED = "must be a time of day such as 08:30";
    public static final String ZONE_EXPECTED = "must be an IANA time zone such as Europe/Amsterdam";

    private static final DateTimeFormatter WITH_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter WITH_FRACTION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private Times() {
    }

    /** A date-time with an offset within the years Spil accepts; empty for anything else. */
    public static Optional<OffsetDateTime> parseDateTime(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text.trim());
            return inRange(t.getYear()) && inRange(t.withOffsetSameInstant(ZoneOffset.UTC).getYear())
                    ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A calendar date (no time, no offset) within the years Spil accepts; empty for anything else. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.trim().length() != 10) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            return inRange(d.getYear()) ? Optional.of(d) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A time of day ("08:30", "08:30:15"); empty for anything else, a fraction or an offset included. */
    public static Optional<LocalTime> parseTimeOfDay(String text) {
        if (text == null || text.length() > 8) { // a longer ISO form (a fraction, an offset) is no time of day here
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * An IANA region such as Europe/Amsterdam; empty for anything else, a fixed offset ("+02:00",
     * "UTC+2") included, which would lose daylight saving.
     */
    public static Optional<ZoneId> parseZone(String text) {
        if (text == null || !ZoneId.getAvailableZoneIds().contains(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** True when the instant lies within the years Spil accepts (UTC). */
    public static boolean inRange(Instant instant) {
        try {
            return inRange(instant.atOffset(ZoneOffset.UTC).getYear());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** An instant in UTC with seconds: {@code 2027-01-05T09:00:00Z} (milliseconds only when it has them). */
    public static String text(Instant instant) {
        return text(instant, ZoneOffset.UTC);
    }

    /** An instant in a zone's local time with its offset and seconds: {@code 2027-01-05T10:00:00+01:00}. */
    public static String text(Instant instant, ZoneId zone) {
        OffsetDateTime t = instant.atZone(zone).toOffsetDateTime();
        String s = (t.getNano() == 0 ? WITH_SECONDS : WITH_FRACTION).format(t.truncatedTo(ChronoUnit.MILLIS));
        return s.endsWith("+00:00") && zone.normalized().equals(ZoneOffset.UTC) ? s.substring(0, s.length() - 6) + "Z" : s;
    }

    /** The same, for a value that already has its offset. */
    public static String text(OffsetDateTime time) {
        return (time.getNano() == 0 ? WITH_SECONDS : WITH_FRACTION).format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
