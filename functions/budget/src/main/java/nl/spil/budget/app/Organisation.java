package nl.spil.budget.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The organisation's time zone: its months, its "today", its first working day of the month. */
public record Organisation(ZoneId zone) {

    public LocalDate today(Clock clock) {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
