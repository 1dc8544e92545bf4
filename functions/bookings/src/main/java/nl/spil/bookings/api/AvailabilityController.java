package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import nl.spil.bookings.api.Views.AvailabilityView;
import nl.spil.bookings.api.Views.ResourceView;
import nl.spil.bookings.app.FindingAvailability;
import nl.spil.platform.identity.Allow;

/** Free rooms and desks of a site for a time window. */
@Controller("/availability")
public class AvailabilityController {

    private final FindingAvailability finding;

    AvailabilityController(FindingAvailability finding) {
        this.finding = finding;
    }

    @Get
    @Allow(anyone = true)
    AvailabilityView search(@Nullable @QueryValue String site, @Nullable @QueryValue String start,
                            @Nullable @QueryValue String end, @Nullable @QueryValue String capacity,
                            @Nullable @QueryValue String features, @Nullable @QueryValue String type) {
        String siteId = Params.id("site", site);
        Instant from = Params.instant("start", start);
        Instant to = Params.instant("end", end);
        FindingAvailability.Found found = finding.search(siteId, from, to, Params.capacity(capacity),
                Params.features(features), Params.type(type));
        return new AvailabilityView(siteId, Views.at(from, found.zone()), Views.at(to, found.zone()),
                found.free().stream().map(ResourceView::of).toList());
    }
}
