package nl.spil.visitors.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.visitors.api.Views.DayCountsView;
import nl.spil.visitors.api.Views.ReportView;
import nl.spil.visitors.app.ReportingVisits;
import nl.spil.visitors.domain.DayCounts;

/** Visits per day and hour, from the day counters: no personal data. */
@Controller("/reports/visitors")
public class ReportsController {

    private final ReportingVisits reporting;

    ReportsController(ReportingVisits reporting) {
        this.reporting = reporting;
    }

    @Get
    @Allow({Role.OFFICE_MANAGER, Role.MANAGEMENT})
    ReportView report(@Nullable @QueryValue String site, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        String siteId = Params.id("site", site);
        var f = Params.date("from", from);
        var t = Params.date("to", to);
        var days = reporting.days(siteId, f, t);
        return new ReportView(siteId, f.toString(), t.toString(), days.stream().mapToLong(DayCounts::registered).sum(),
                days.stream().mapToLong(DayCounts::arrived).sum(), days.stream().map(DayCountsView::of).toList());
    }
}
