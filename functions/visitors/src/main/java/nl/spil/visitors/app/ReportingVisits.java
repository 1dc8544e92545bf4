package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.DayCounts;

/** Visits per day and hour of a site, from the day counters (no personal data; O(days)). */
@Singleton
public class ReportingVisits {

    public static final int MAX_DAYS = 366;
    private final Statistics statistics;
    private final Sites sites;

    public ReportingVisits(Statistics statistics, Sites sites) {
        this.statistics = statistics;
        this.sites = sites;
    }

    public List<DayCounts> days(String siteId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.badRequest("to", "a report covers at most " + MAX_DAYS + " days");
        }
        sites.byId(siteId).orElseThrow(() -> ProblemException.notFound("site", siteId));
        return statistics.days(siteId, from, to);
    }
}
