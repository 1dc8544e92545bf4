package nl.spil.directory.app;

import nl.spil.platform.idempotency.CreateRequest;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.directory.domain.Site;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where sites are kept (port). */
public interface Sites {

    Optional<Site> byId(String id);

    Page<Site> list(PageRequest page);

    /** The ids among {@code ids} that are not sites. */
    Set<String> unknown(Set<String> ids);

    Response add(Site site, CreateRequest request, Function<Site, Response> answer);

    void replace(Site current, Site changed);
}
