package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;

/** Someone takes supplies (any employee) or the office manager restocks or corrects. */
@Singleton
public class RecordingMovements {

    private final Items items;
    private final Ids ids;
    private final Clock clock;

    public RecordingMovements(Items items, Ids ids, Clock clock) {
        this.items = items;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Records a movement of {@code quantity} (use and restock: a positive amount; correction: a
     * signed change).
     */
    public Response record(Caller caller, String itemId, MovementType type, long quantity, Optional<String> note,
                           CreateRequest request, Function<Movement, Response> answer) {
        if (type == MovementType.COUNT) {
            throw ProblemException.unprocessable("count-through-stock-take", "Counts are booked by a stock-take",
                    "close a stock-take to book counted quantities");
        }
        if (type != MovementType.USE && !caller.has(Role.OFFICE_MANAGER)) {
            throw ProblemException.forbidden("only the office manager may record a " + type.code());
        }
        Movement movement = Movement.recorded(ids.next(), itemId, type, quantity, caller.id(), note, clock.instant());
        return items.book(movement, request, answer);
    }

    public Page<Movement> ledger(String itemId, PageRequest page) {
        items.byId(itemId).orElseThrow(() -> ProblemException.notFound("item", itemId));
        return items.movements(itemId, page);
    }
}
