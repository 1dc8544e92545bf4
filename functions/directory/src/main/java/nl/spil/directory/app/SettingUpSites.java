package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.directory.domain.Site;
import nl.spil.directory.domain.WorkingHours;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** The office manager sets up the organisation's sites; everyone may look them up. */
@Singleton
public class SettingUpSites {

    private final Sites sites;
    private final Ids ids;
    private final Clock clock;

    public SettingUpSites(Sites sites, Ids ids, Clock clock) {
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
    }

    public Response add(String name, ZoneId zone, WorkingHours hours, Optional<String> costCentre, CreateRequest request,
                        Function<Site, Response> answer) {
        return sites.add(Site.open(ids.next(), name, zone, hours, costCentre, clock.instant()), request, answer);
    }

    public Site change(String id, long expectedVersion, String name, ZoneId zone, WorkingHours hours,
                       Optional<String> costCentre) {
        Site current = byId(id);
        if (current.version() != expectedVersion) {
            throw ProblemException.stale("site " + id + " is at version " + current.version() + ", not " + expectedVersion);
        }
        Site changed = current.changedTo(name, zone, hours, costCentre, clock.instant());
        sites.replace(current, changed);
        return changed;
    }

    public Site byId(String id) {
        return sites.byId(id).orElseThrow(() -> ProblemException.notFound("site", id));
    }

    public Page<Site> list(PageRequest page) {
        return sites.list(page);
    }
}
