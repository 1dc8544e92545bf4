package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import nl.spil.budget.domain.CostCentre;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;

/** The office manager keeps the cost centres: a code, a name and an owner from the directory. */
@Singleton
public class KeepingCostCentres {

    private final CostCentres costCentres;
    private final DirectoryReader directory;
    private final Clock clock;

    public KeepingCostCentres(CostCentres costCentres, DirectoryReader directory, Clock clock) {
        this.costCentres = costCentres;
        this.directory = directory;
        this.clock = clock;
    }

    public Response create(String code, String name, String ownerId, CreateRequest request, Function<CostCentre, Response> answer) {
        requirePerson(ownerId);
        Instant now = clock.instant();
        CostCentre costCentre = new CostCentre(code, name, ownerId, 1, now, now);
        return costCentres.create(costCentre, request, answer.apply(costCentre), c -> costCentres.byCode(c).map(answer));
    }

    public CostCentre get(String code) {
        return costCentres.byCode(code).orElseThrow(() -> ProblemException.notFound("cost centre", code));
    }

    public Page<CostCentre> list(PageRequest page) {
        return costCentres.page(page);
    }

    /** A new name or owner, under the version the office manager saw (412 when it moved on). */
    public CostCentre change(String code, String name, String ownerId, long version) {
        CostCentre current = get(code);
        if (current.version() != version) {
            throw ProblemException.stale("cost centre " + code + " is at version " + current.version() + "; reload it");
        }
        if (!ownerId.equals(current.ownerId())) {
            requirePerson(ownerId);
        }
        CostCentre changed = current.changed(name, ownerId, clock.instant());
        try {
            costCentres.update(current, changed);
        } catch (ConcurrentChange e) {
            throw ProblemException.stale("cost centre " + code + " was changed meanwhile; reload it");
        }
        return changed;
    }

    private void requirePerson(String personId) {
        if (directory.personById(personId).isEmpty()) {
            throw ProblemException.unprocessable("unknown-person", "Unknown person",
                    "person " + personId + " is not in the directory; the owner of a cost centre must be");
        }
    }
}
