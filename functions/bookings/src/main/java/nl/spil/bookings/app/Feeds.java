package nl.spil.bookings.app;

import nl.spil.platform.idempotency.CreateRequest;

import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.IdempotentCreates.Response;

/** Where calendar feed grants are kept (port): by the hash of their secret token, never the token. */
public interface Feeds {

    /** A feed of a person's bookings or a room's agenda, owned by whoever asked for it. */
    record Grant(String id, String ownerId, Kind kind, String targetId) {
    }

    enum Kind { PERSON, RESOURCE }

    /** Adds a feed; {@code replayed} answers a retried create, which cannot show the token again. */
    Response add(Grant grant, CreateRequest request, Function<Grant, Response> answer, Function<Grant, Response> replayed);

    Optional<Grant> byId(String id);

    void remove(Grant grant);
}
