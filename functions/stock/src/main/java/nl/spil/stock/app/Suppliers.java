package nl.spil.stock.app;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.domain.Supplier;

/** Where suppliers are kept (port). */
public interface Suppliers {

    Optional<Supplier> byId(String id);

    /** The suppliers among {@code ids} that exist, by id. */
    Map<String, Supplier> byIds(Collection<String> ids);

    Page<Supplier> list(PageRequest page);

    Response add(Supplier supplier, CreateRequest request, Function<Supplier, Response> answer);

    void replace(Supplier current, Supplier changed);
}
