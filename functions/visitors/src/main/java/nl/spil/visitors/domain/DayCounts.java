package nl.spil.visitors.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * One site day of visitor statistics, without any personal data: written in the same
 * transaction as the visits they count, kept after the visits are gone.
 *
 * @param registered   visits registered for the day
 * @param arrived      visitors checked in
 * @param byHour       arrivals per local hour (0..23)
 * @param byPurpose    arrivals per purpose word
 * @param byDepartment arrivals per host department ("-" without one)
 * @param minutesOnSite total minutes of the visits checked out
 */
public record DayCounts(LocalDate day, long registered, long arrived, Map<Integer, Long> byHour,
                        Map<String, Long> byPurpose, Map<String, Long> byDepartment, long minutesOnSite) {

    public DayCounts {
        byHour = Map.copyOf(byHour);
        byPurpose = Map.copyOf(byPurpose);
        byDepartment = Map.copyOf(byDepartment);
    }
}
