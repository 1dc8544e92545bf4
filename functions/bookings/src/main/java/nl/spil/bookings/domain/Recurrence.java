package nl.spil.bookings.domain;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A repeating booking's rule: an RFC 5545 RRULE subset (FREQ=DAILY, WEEKLY or MONTHLY with
 * INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY), expanded by ical4j in the site's zone, so a weekly
 * 10:00 meeting stays at 10:00 local time across daylight-saving changes.
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

    /** @throws IllegalArgumentException naming what is wrong with the rule */
    public static Recurrence parse(String rule) {
        if (rule == null || rule.isBlank() || rule.length() > 200) {
            throw new IllegalArgumentException("a rule such as FREQ=WEEKLY;COUNT=10 is required");
        }
        String text = rule.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring("RRULE:".length());
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || !PARTS.contains(part.substring(0, eq))) {
                throw new IllegalArgumentException("supports only FREQ, INTERVAL, COUNT, UNTIL, BYDAY and BYMONTHDAY, not " + part);
            }
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid RRULE: " + e.getMessage());
        }
        if (!FREQUENCIES.contains(recur.getFrequency())) {
            throw new IllegalArgumentException("FREQ must be DAILY, WEEKLY or MONTHLY");
        }
        if (recur.getCount() < 0 && recur.getUntil() == null) {
            throw new IllegalArgumentException("needs COUNT or UNTIL, so a series ends");
        }
        if (recur.getCount() > MAX_OCCURRENCES) {
            throw new IllegalArgumentException("COUNT is at most " + MAX_OCCURRENCES);
        }
        return new Recurrence(text, recur);
    }

    public String rule() {
        return rule;
    }

    /**
     * The starts of the occurrences, the first being {@code first} itself, up to {@code until}
     * and at most {@link #MAX_OCCURRENCES}. Local times are kept: the zone of {@code first} decides.
     */
    public List<ZonedDateTime> starts(ZonedDateTime first, ZonedDateTime until) {
        List<ZonedDateTime> dates = recur.getDates(first, first, until.plusSeconds(1), MAX_OCCURRENCES);
        List<ZonedDateTime> out = new ArrayList<>();
        for (ZonedDateTime d : dates) {
            ZonedDateTime local = d.withZoneSameInstant(first.getZone());
            if (!local.isBefore(first) && !local.isAfter(until) && out.size() < MAX_OCCURRENCES) {
                out.add(local);
            }
        }
        return out;
    }
}
