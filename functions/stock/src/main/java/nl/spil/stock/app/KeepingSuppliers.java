package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.domain.Supplier;

/** The office manager keeps the suppliers: contact, lead time, notes. */
@Singleton
public class KeepingSuppliers {

    private final Suppliers suppliers;
    private final Ids ids;
    private final Clock clock;

    public KeepingSuppliers(Suppliers suppliers, Ids ids, Clock clock) {
        this.suppliers = suppliers;
        this.ids = ids;
        this.clock = clock;
    }

    public Response add(String name, String email, int leadTimeDays, Optional<String> notes, CreateRequest request,
                        Function<Supplier, Response> answer) {
        return suppliers.add(Supplier.add(ids.next(), name, email, leadTimeDays, notes, clock.instant()), request, answer);
    }

    public Supplier change(String id, long expectedVersion, String name, String email, int leadTimeDays,
                           Optional<String> notes) {
        Supplier current = byId(id);
        if (current.version() != expectedVersion) {
            throw ProblemException.stale("supplier " + id + " is at version " + current.version() + ", not " + expectedVersion);
        }
        Supplier changed = current.changedTo(name, email, leadTimeDays, notes, clock.instant());
        suppliers.replace(current, changed);
        return changed;
    }

    public Supplier byId(String id) {
        return suppliers.byId(id).orElseThrow(() -> ProblemException.notFound("supplier", id));
    }

    public Page<Supplier> list(PageRequest page) {
        return suppliers.list(page);
    }
}
