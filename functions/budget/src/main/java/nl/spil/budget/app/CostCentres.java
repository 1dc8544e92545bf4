package nl.spil.budget.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.domain.CostCentre;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where cost centres are kept (port). */
public interface CostCentres {

    Optional<CostCentre> byCode(String code);

    /** Every cost centre, by code (an organisation has tens). */
    List<CostCentre> all();

    Page<CostCentre> page(PageRequest page);

    /** Creates once per Idempotency-Key; 409 {@code cost-centre-exists} when the code is taken. */
    Response create(CostCentre costCentre, CreateRequest request, Response answer,
                    Function<String, Optional<Response>> reread);

    /** Writes the change under the version read; {@code ConcurrentChange} when it moved on. */
    void update(CostCentre current, CostCentre changed);
}
