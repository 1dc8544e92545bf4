package nl.spil.budget.app;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.Category;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where categories are kept (port). */
public interface Categories {

    Page<Category> page(PageRequest page);

    /** The categories of these codes that exist (one read for all). */
    Map<String, Category> byCodes(Collection<String> codes);

    /** Creates once per Idempotency-Key; 409 {@code category-exists} when the code is taken. */
    Response create(Category category, CreateRequest request, Response answer, Function<String, Optional<Response>> reread);
}
