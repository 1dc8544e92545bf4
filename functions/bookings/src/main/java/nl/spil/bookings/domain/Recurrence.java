package nl.spil.bookings.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import nl.spil.platform.time.Times;

/**
 * A repeating booking's rule: an RFC 5545 RRULE subset (FREQ=DAILY, WEEKLY or MONTHLY with
 * INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY), expanded by ical4j in the site's zone, so a weekly
 * 10:00 meeting stays at 10:00 local time across daylight-saving changes. A rule is read with
 * {@link #parse}, which says what is wrong instead of throwing.
 */
public final class Recurrence {

    /** At most this many occurrences are booked at once (daily for three months, weekly for a year). */
    public static final int MAX_OCCURRENCES = 60;
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY");
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY);

    private final String rule;
    private final Recur<ZonedDateTime> recur;

    private Recurrence(String rule, Recur<ZonedDateTime> recur) {
        this.rule = rule;
        this.recur = recur;
    }

    /** A rule read: valid, or why not. */
    public sealed interface Reading permits Valid, Invalid {
    }

    public record Valid(Recurrence recurrence) implements Reading {
    }

    public record Invalid(String reason) implements Reading {
    }

    public static Reading parse(String rule) {
        if (rule == null || rule.isBlank() || rule.length() > 200) {
            return new Invalid("a rule such as FREQ=WEEKLY;COUNT=10 is required");
        }
        String text = rule.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring("RRULE:".length());
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || !PARTS.contains(part.substring(0, eq))) {
                return new Invalid("supports only FREQ, INTERVAL, COUNT, UNTIL, BYDAY and BYMONTHDAY, not " + part);
            }
            String name = part.substring(0, eq);
            String value = part.substring(eq + 1);
            // ical4j reads INTERVAL=0 as 1 and COUNT=0 as no limit: both say something else than was meant
            if ((name.equals("INTERVAL") || name.equals("COUNT")) && !positive(value)) {
                return new Invalid(name + " must be a whole number of at least 1");
            }
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            return new Invalid("is not a valid RRULE: " + e.getMessage());
        }
        if (!FREQUENCIES.contains(recur.getFrequency())) {
            return new Invalid("FREQ must be DAILY, WEEKLY or MONTHLY");
        }
        if (recur.getCount() < 0 && recur.getUntil() == null) {
            return new Invalid("needs COUNT or UNTIL, so a series ends");
        }
        if (recur.getCount() > MAX_OCCURRENCES) {
            return new Invalid("COUNT is at most " + MAX_OCCURRENCES);
        }
        // UNTIL is a date or a UTC date-time, whatever the rule wrote (the type parameter does not say)
        Object until = recur.getUntil();
        if (until instanceof TemporalAccessor t && (t.get(ChronoField.YEAR) < Times.FIRST_YEAR
                || t.get(ChronoField.YEAR) > Times.LAST_YEAR)) {
            return new Invalid("UNTIL must lie in the years " + Times.FIRST_YEAR + " to " + Times.LAST_YEAR);
        }
        return new Valid(new Recurrence(text, recur));
    }

    private static boolean positive(String value) {
        return value.matches("[0-9]{1,4}") && Integer.parseInt(value) >= 1;
    }

    public String rule() {
        return rule;
    }

    /**
     * Every start the rule gives, the first being {@code first} itself, in the zone of {@code first}
     * (local times are kept); at most {@link #MAX_OCCURRENCES} + 1, so a caller can tell a rule that
     * gives more than may be booked at once. The resource's horizon is not applied here: an
     * occurrence beyond it is the caller's to report.
     */
    public List<ZonedDateTime> starts(ZonedDateTime first) {
        ZonedDateTime end = LocalDate.of(Times.LAST_YEAR, 12, 31).atTime(LocalTime.MAX).atZone(first.getZone());
        List<ZonedDateTime> dates = recur.getDates(first, first, end, MAX_OCCURRENCES + 1);
        List<ZonedDateTime> out = new ArrayList<>();
        for (ZonedDateTime d : dates) {
            ZonedDateTime local = d.withZoneSameInstant(first.getZone());
            if (!local.isBefore(first) && out.size() <= MAX_OCCURRENCES) {
                out.add(local);
            }
        }
        return out;
    }
}
