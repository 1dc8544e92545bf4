package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import nl.spil.bookings.api.BookingRequests.NewFeed;
import nl.spil.bookings.api.Views.FeedView;
import nl.spil.bookings.api.Views.PageView;
import nl.spil.bookings.app.SubscribingToCalendars;
import nl.spil.bookings.domain.Feed;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Subscribable calendar feeds: create one (the token is shown once), list mine, renew, revoke. */
@Controller("/calendar/feeds")
public class CalendarFeedsController {

    private final SubscribingToCalendars subscribing;
    private final Json json;

    CalendarFeedsController(SubscribingToCalendars subscribing, Json json) {
        this.subscribing = subscribing;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow(anyone = true)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        NewFeed wish = BookingRequests.feed(body);
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(subscribing.subscribe(caller, wish.resourceId(), wish.validFor(), create,
                (feed, token) -> json.created(FeedView.of(feed, token), "/calendar/feeds/" + feed.id())));
    }

    @Get
    @Allow(anyone = true)
    PageView<FeedView> mine(Caller caller, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Feed> page = subscribing.mine(caller, PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(f -> FeedView.of(f, null)).toList(), page.nextCursor());
    }

    @Post(uri = "/{id}/renew", consumes = MediaType.ALL)
    @Allow(anyone = true, ownerOnly = true)
    FeedView renew(Caller caller, String id, @Nullable @Body String body) {
        return FeedView.of(subscribing.renew(caller, id, BookingRequests.renewal(body)), null);
    }

    @Delete("/{id}")
    @Allow(anyone = true, ownerOnly = true)
    HttpResponse<Void> revoke(Caller caller, String id) {
        subscribing.revoke(caller, id);
        return HttpResponse.noContent();
    }
}
