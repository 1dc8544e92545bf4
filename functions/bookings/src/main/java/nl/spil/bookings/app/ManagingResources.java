package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** The office manager sets up rooms and desks; everyone looks them up. */
@Singleton
public class ManagingResources {

    private final Resources resources;
    private final DirectoryReader directory;
    private final Ids ids;
    private final Clock clock;

    public ManagingResources(Resources resources, DirectoryReader directory, Ids ids, Clock clock) {
        this.resources = resources;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the office manager gives; the site's zone is looked up in the directory. */
    public record Given(String siteId, ResourceType type, String name, String floor, int capacity,
                        Set<String> features, BookingRules rules) {
    }

    public Response add(Given given, CreateRequest request, Function<Resource, Response> answer) {
        return resources.add(Resource.create(ids.next(), details(given), clock.instant()), request, answer);
    }

    public Resource change(String id, long expectedVersion, Given given) {
        Resource current = byId(id).atVersion(expectedVersion);
        Resource changed = current.changedTo(details(given), clock.instant());
        resources.replace(current, changed);
        return changed;
    }

    public void remove(String id) {
        resources.remove(byId(id));
    }

    public Resource byId(String id) {
        return resources.byId(id).orElseThrow(() -> ProblemException.notFound("resource", id));
    }

    public Page<Resource> list(String siteId, ResourceType type, PageRequest page) {
        return resources.ofSite(siteId, type, page);
    }

    private Resource.Details details(Given g) {
        var site = directory.site(g.siteId())
                .orElseThrow(() -> ProblemException.badRequest("siteId", "is not a site of this organisation"));
        return new Resource.Details(site.siteId(), site.zone(), g.type(), g.name(), g.floor(), g.capacity(),
                g.features(), g.rules());
    }
}
