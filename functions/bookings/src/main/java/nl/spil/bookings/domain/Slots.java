package nl.spil.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A slot is one quarter hour of one resource, identified by its UTC start. Quarters are the
 * same in every zone whose offset is a multiple of 15 minutes (all IANA zones in use), so a
 * slot never depends on daylight saving.
 */
public final class Slots {

    public static final Duration QUARTER = Duration.ofMinutes(15);

    private Slots() {
    }

    public static boolean isQuarter(Instant t) {
        return t.getEpochSecond() % QUARTER.toSeconds() == 0 && t.getNano() == 0;
    }

    /** The quarter starts covering [start, end). */
    public static List<Instant> of(Instant start, Instant end) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(QUARTER)) {
            out.add(t);
        }
        return out;
    }

    /** The site day an instant falls on. */
    public static LocalDate siteDay(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }
}
