package nl.spil.visitors.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** How many days after its day a visit's personal data is kept (per site; default 30, 1 to 365). */
public record Retention(int days) {

    public static final int MIN = 1;
    public static final int MAX = 365;
    public static final Retention DEFAULT = new Retention(30);

    public Retention {
        if (days < MIN || days > MAX) {
            throw new IllegalArgumentException("retention is " + MIN + " to " + MAX + " days");
        }
    }

    /** The end of the visit's day at the site, plus the retention. */
    public Instant expiresAt(LocalDate day, ZoneId zone) {
        return day.plusDays(1L + days).atStartOfDay(zone).toInstant();
    }
}
