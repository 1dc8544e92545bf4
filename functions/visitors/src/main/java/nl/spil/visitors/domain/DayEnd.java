package nl.spil.visitors.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The automatic sign-out's rule: at a tick, a site's day has ended when its local time is at or
 * past its closing time; visitors still checked in on that day or an earlier one are signed out.
 */
public final class DayEnd {

    private DayEnd() {
    }

    /** The last day at the site whose end has passed at {@code tick}. */
    public static LocalDate lastEndedDay(Instant tick, ZoneId zone, LocalTime closes) {
        var local = tick.atZone(zone);
        return local.toLocalTime().isBefore(closes) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
