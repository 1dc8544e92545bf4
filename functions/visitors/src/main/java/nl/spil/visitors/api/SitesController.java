package nl.spil.visitors.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;
import nl.spil.visitors.api.Views.HouseRulesView;
import nl.spil.visitors.api.Views.OnSiteView;
import nl.spil.visitors.api.Views.SettingsView;
import nl.spil.visitors.app.KeepingSiteRules;
import nl.spil.visitors.app.LookingAtVisits;
import nl.spil.visitors.domain.Visit;

/** A site's visitor side: who is on site now (the evacuation list, also CSV), house rules, settings. */
@Controller("/sites/{id}")
public class SitesController {

    private final LookingAtVisits looking;
    private final KeepingSiteRules keeping;
    private final Clock clock;

    SitesController(LookingAtVisits looking, KeepingSiteRules keeping, Clock clock) {
        this.looking = looking;
        this.keeping = keeping;
        this.clock = clock;
    }

    @Get(uri = "/on-site", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    HttpResponse<?> onSite(String id, @Nullable @QueryValue String format) {
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            throw ProblemException.badRequest("format", "must be json or csv");
        }
        var zone = looking.zone(id);
        List<Visit> here = looking.onSite(id);
        if (csv) {
            return HttpResponse.ok(OnSiteCsv.of(here)).contentType("text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"on-site.csv\"");
        }
        return HttpResponse.ok(new OnSiteView(id, zone.getId(), Times.text(clock.instant(), zone), here.size(),
                here.stream().map(Views::onSite).toList()));
    }

    @Get("/house-rules")
    @Allow(anyone = true)
    HouseRulesView houseRules(String id, @Nullable @QueryValue String version) {
        Optional<Integer> v = Optional.empty();
        if (version != null) {
            try {
                v = Optional.of(Integer.parseInt(version.trim())).filter(n -> n >= 1);
            } catch (NumberFormatException e) {
                v = Optional.empty();
            }
            if (v.isEmpty()) {
                throw ProblemException.badRequest("version", "must be a whole number from 1");
            }
        }
        return HouseRulesView.of(keeping.houseRules(id, v));
    }

    @Put(uri = "/house-rules", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HouseRulesView writeHouseRules(Caller caller, String id, @Nullable @Body String body) {
        var write = VisitorRequests.houseRules(body);
        return HouseRulesView.of(keeping.writeHouseRules(caller, id, write.version(), write.texts()));
    }

    @Get("/visitor-settings")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    SettingsView settings(String id) {
        return SettingsView.of(keeping.settings(id));
    }

    @Put(uri = "/visitor-settings", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    SettingsView writeSettings(String id, @Nullable @Body String body) {
        var write = VisitorRequests.settings(body);
        return SettingsView.of(keeping.writeSettings(id, write.version(), write.address(), write.retentionDays()));
    }
}
