package nl.spil.visitors.app;

import java.time.LocalDate;
import java.util.List;
import nl.spil.visitors.domain.DayCounts;

/** The day counters, written with each visit's changes (port); reading them costs O(days), not O(visits). */
public interface Statistics {

    List<DayCounts> days(String siteId, LocalDate from, LocalDate to);
}
