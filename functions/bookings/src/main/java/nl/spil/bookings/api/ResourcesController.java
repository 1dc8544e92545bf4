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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import nl.spil.bookings.api.Views.BusyView;
import nl.spil.bookings.api.Views.PageView;
import nl.spil.bookings.api.Views.ResourceView;
import nl.spil.bookings.app.LookingAtBookings;
import nl.spil.bookings.app.ManagingResources;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Resource;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Rooms and desks: everyone looks them up and at when they are busy; the office manager manages them. */
@Controller("/resources")
public class ResourcesController {

    private final ManagingResources resources;
    private final LookingAtBookings looking;
    private final Json json;

    ResourcesController(ManagingResources resources, LookingAtBookings looking, Json json) {
        this.resources = resources;
        this.looking = looking;
        this.json = json;
    }

    @Get
    @Allow(anyone = true)
    PageView<ResourceView> list(@Nullable @QueryValue String site, @Nullable @QueryValue String type,
                                @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Resource> page = resources.list(Params.id("site", site), Params.type(type), PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(ResourceView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Allow(anyone = true)
    ResourceView get(String id) {
        return ResourceView.of(resources.byId(id));
    }

    /** When the resource is busy: no organiser, title or notes of anyone else's booking (those stay with the office manager). */
    @Get("/{id}/agenda")
    @Allow(anyone = true)
    PageView<BusyView> agenda(Caller caller, String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                              @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Instant since = Params.instant("from", from);
        Instant until = Params.instant("to", to);
        PageRequest page = PageRequest.of(limit, cursor);
        resources.byId(id);
        Page<Booking> found = looking.agenda(id, since, until, page);
        return new PageView<>(found.items().stream().filter(Booking::isActive).map(b -> BusyView.of(b, caller.id())).toList(),
                found.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(BookingRequests.RESOURCE_FIELDS);
        ManagingResources.Given given = BookingRequests.resource(fields);
        fields.done();
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(resources.add(given, create, r -> json.created(ResourceView.of(r), "/resources/" + r.id())));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    ResourceView update(String id, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(BookingRequests.resourceChangeFields());
        Long version = fields.integer("version", 1, Long.MAX_VALUE);
        ManagingResources.Given given = BookingRequests.resource(fields);
        fields.done();
        return ResourceView.of(resources.change(id, version, given));
    }

    @Delete("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<Void> delete(String id) {
        resources.remove(id);
        return HttpResponse.noContent();
    }
}
