package nl.spil.bookings.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where rooms and desks are kept (port). */
public interface Resources {

    Optional<Resource> byId(String id);

    /** One page of a site's resources, by type and name; {@code type} null for both. */
    Page<Resource> ofSite(String siteId, ResourceType type, PageRequest page);

    /**
     * All resources of a site ({@code type} null for both), as of its latest add, change or removal.
     * The store may answer from memory: it reads the site's catalog version, which every write of a
     * resource moves, on each call and the resources again only when it moved.
     */
    List<Resource> allOfSite(String siteId, ResourceType type);

    Response add(Resource resource, CreateRequest request, Function<Resource, Response> answer);

    /** @throws Refused ChangedMeanwhile when {@code current} is no longer the stored version */
    void replace(Resource current, Resource changed);

    /** @throws Refused ChangedMeanwhile when {@code current} is no longer the stored version */
    void remove(Resource current);
}
