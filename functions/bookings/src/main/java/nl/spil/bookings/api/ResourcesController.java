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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.spil.bookings.api.Views.BookingView;
import nl.spil.bookings.api.Views.PageView;
import nl.spil.bookings.api.Views.ResourceView;
import nl.spil.bookings.app.LookingAtBookings;
import nl.spil.bookings.app.ManagingResources;
import nl.spil.bookings.domain.BookableHours;
import nl.spil.bookings.domain.BookingHorizon;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.CheckInWindow;
import nl.spil.bookings.domain.MaxDuration;
import nl.spil.bookings.domain.MinimumNotice;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
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

/** Rooms and desks: everyone looks them up and at their agenda; the office manager manages them. */
@Controller("/resources")
public class ResourcesController {

    static final List<String> FIELDS = List.of("siteId", "type", "name", "floor", "capacity", "features", "rules");
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

    @Get("/{id}/agenda")
    @Allow(anyone = true)
    PageView<BookingView> agenda(String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                 @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        var range = Params.instant("from", from);
        var until = Params.instant("to", to);
        PageRequest page = PageRequest.of(limit, cursor);
        resources.byId(id);
        Page<nl.spil.bookings.domain.Booking> found = looking.agenda(id, range, until, page);
        return new PageView<>(found.items().stream().map(BookingView::of).toList(), found.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(FIELDS);
        ManagingResources.Given given = given(fields);
        fields.done();
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(resources.add(given, create, r -> json.created(ResourceView.of(r), "/resources/" + r.id())));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    ResourceView update(String id, @Nullable @Body String body) {
        List<String> allowed = new java.util.ArrayList<>(FIELDS);
        allowed.add("version");
        JsonFields fields = JsonBody.parse(body).only(allowed);
        Long version = fields.integer("version", 1, Long.MAX_VALUE);
        ManagingResources.Given given = given(fields);
        fields.done();
        return ResourceView.of(resources.change(id, version, given));
    }

    @Delete("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<Void> delete(String id) {
        resources.remove(id);
        return HttpResponse.noContent();
    }

    static ManagingResources.Given given(JsonFields f) {
        String siteId = f.text("siteId", 64);
        ResourceType type = f.oneOf("type", ResourceType::tryParse, "room or desk", true);
        String name = f.text("name", 120);
        String floor = f.optionalText("floor", 40).orElse("");
        Long capacity = f.integer("capacity", 1, 10_000);
        Set<String> features = new LinkedHashSet<>();
        if (f.has("features")) {
            List<String> given = f.textList("features", 20, 40, false);
            for (int i = 0; i < given.size(); i++) {
                if (!given.get(i).matches("[a-z0-9-]+")) {
                    f.error("features[" + i + "]", "must be lower-case letters, digits and dashes, such as video");
                } else {
                    features.add(given.get(i));
                }
            }
        }
        BookingRules rules = f.optionalObject("rules").map(ResourcesController::rules).orElse(BookingRules.DEFAULT);
        return new ManagingResources.Given(siteId, type, name, floor, capacity == null ? 1 : capacity.intValue(),
                features, rules);
    }

    private static BookingRules rules(JsonFields r) {
        r.only("maxMinutes", "horizonDays", "noticeMinutes", "opens", "closes", "days", "checkInBeforeMinutes",
                "checkInAfterMinutes");
        BookingRules d = BookingRules.DEFAULT;
        long max = r.optionalInteger("maxMinutes", 15, MaxDuration.LIMIT.toMinutes()).orElse(d.maxDuration().max().toMinutes());
        long horizon = r.optionalInteger("horizonDays", 1, 730).orElse(d.horizon().ahead().toDays());
        long notice = r.optionalInteger("noticeMinutes", 0, 60L * 24 * 30).orElse(d.notice().notice().toMinutes());
        LocalTime opens = r.optionalTime("opens").orElse(d.hours().opens());
        LocalTime closes = r.optionalTime("closes").orElse(d.hours().closes());
        long before = r.optionalInteger("checkInBeforeMinutes", 0, 240).orElse(d.checkIn().before().toMinutes());
        long after = r.optionalInteger("checkInAfterMinutes", 5, 240).orElse(d.checkIn().after().toMinutes());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (r.has("days")) {
            List<String> given = r.textList("days", 7, 3, true);
            for (int i = 0; i < given.size(); i++) {
                String g = given.get(i);
                DayOfWeek found = null;
                for (DayOfWeek w : DayOfWeek.values()) {
                    if (Views.day(w).equals(g)) {
                        found = w;
                    }
                }
                if (found == null) {
                    r.error("days[" + i + "]", "must be one of mon, tue, wed, thu, fri, sat, sun");
                } else {
                    days.add(found);
                }
            }
        } else {
            days.addAll(d.hours().days());
        }
        if (!opens.isBefore(closes)) {
            r.error("closes", "must be after opens");
            return d;
        }
        if (days.isEmpty()) {
            r.error("days", "must name at least one day");
            return d;
        }
        return new BookingRules(new MaxDuration(Duration.ofMinutes(max)), new BookingHorizon(Duration.ofDays(horizon)),
                new MinimumNotice(Duration.ofMinutes(notice)), new BookableHours(opens, closes, days),
                new CheckInWindow(Duration.ofMinutes(before), Duration.ofMinutes(after)));
    }
}
