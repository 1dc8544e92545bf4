package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import nl.spil.bookings.app.SubscribingToCalendars;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;

/** Subscribable calendar feeds: create one (the token is shown once) and revoke it. */
@Controller("/calendar/feeds")
public class CalendarFeedsController {

    private final SubscribingToCalendars subscribing;
    private final Json json;

    CalendarFeedsController(SubscribingToCalendars subscribing, Json json) {
        this.subscribing = subscribing;
        this.json = json;
    }

    @Serdeable
    record FeedView(String id, String kind, String targetId, String token, String path) {
    }

    @Post(consumes = MediaType.ALL)
    @Allow(anyone = true)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body == null || body.isBlank() ? "{}" : body).only("resourceId");
        Optional<String> resourceId = f.optionalText("resourceId", 64);
        f.done();
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(subscribing.subscribe(caller, resourceId, create, (grant, token) -> json.created(
                new FeedView(grant.id(), grant.kind().name().toLowerCase(java.util.Locale.ROOT), grant.targetId(), token,
                        token == null ? null : "/calendar/" + token), "/calendar/feeds/" + grant.id())));
    }

    @Delete("/{id}")
    @Allow(anyone = true, ownerOnly = true)
    HttpResponse<Void> revoke(Caller caller, String id) {
        subscribing.revoke(caller, id);
        return HttpResponse.noContent();
    }
}
