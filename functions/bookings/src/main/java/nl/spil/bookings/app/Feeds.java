package nl.spil.bookings.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where calendar feeds are kept (port): by the hash of their secret token, never the token. */
public interface Feeds {

    /** Adds a feed; {@code replayed} answers a retried create, which cannot show the token again. */
    Response add(Feed feed, CreateRequest request, Function<Feed, Response> answer, Function<Feed, Response> replayed);

    Optional<Feed> byId(String id);

    /** One page of an owner's feeds, newest first. */
    Page<Feed> ofOwner(String ownerId, PageRequest page);

    /** Every feed of an owner (every page). */
    List<Feed> allOfOwner(String ownerId);

    /** @throws Refused ChangedMeanwhile when it was renewed or revoked meanwhile */
    void renew(Feed current, Feed renewed);

    void remove(Feed feed);
}
