package nl.spil.directory.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** When a site is open, in the site's own time zone. */
public record WorkingHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    public static final WorkingHours OFFICE_DEFAULT = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public WorkingHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a site must open before it closes");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a site must be open on at least one day");
        }
        days = Set.copyOf(days);
    }
}
