package nl.spil.bookings.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.api.Views.BookingView;
import nl.spil.bookings.api.Views.DayEntryView;
import nl.spil.bookings.api.Views.DayView;
import nl.spil.bookings.api.Views.PageView;
import nl.spil.bookings.api.Views.SeriesView;
import nl.spil.bookings.app.BookingAResource;
import nl.spil.bookings.app.BookingASeries;
import nl.spil.bookings.app.ChangingABooking;
import nl.spil.bookings.app.CheckingIn;
import nl.spil.bookings.app.LookingAtBookings;
import nl.spil.bookings.app.ManagingResources;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Recurrence;
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
import nl.spil.platform.problem.ProblemException;

/** Book, look, change, cancel, check in. */
@Controller("/bookings")
public class BookingsController {

    static final List<String> FIELDS = List.of("resourceId", "start", "end", "title", "notes", "recurrence");
    private final BookingAResource booking;
    private final BookingASeries series;
    private final ChangingABooking changing;
    private final CheckingIn checkingIn;
    private final LookingAtBookings looking;
    private final ManagingResources resources;
    private final Json json;

    BookingsController(BookingAResource booking, BookingASeries series, ChangingABooking changing, CheckingIn checkingIn,
                       LookingAtBookings looking, ManagingResources resources, Json json) {
        this.booking = booking;
        this.series = series;
        this.changing = changing;
        this.checkingIn = checkingIn;
        this.looking = looking;
        this.resources = resources;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow(anyone = true)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only(FIELDS);
        String resourceId = f.text("resourceId", 64);
        OffsetDateTime start = f.instant("start");
        OffsetDateTime end = f.instant("end");
        String title = f.text("title", 200);
        Optional<String> notes = f.optionalMultiline("notes", 2000);
        if (start != null && end != null && !start.isBefore(end)) {
            f.error("end", "must be after start");
        }
        Recurrence recurrence = null;
        BookingASeries.Mode mode = BookingASeries.Mode.FREE_ONES;
        Optional<JsonFields> repeat = f.optionalObject("recurrence");
        if (repeat.isPresent()) {
            JsonFields r = repeat.get().only("rule", "mode");
            String rule = r.text("rule", 200);
            BookingASeries.Mode chosen = r.oneOf("mode", BookingASeries.Mode::tryParse, "free-ones or all-or-nothing", false);
            mode = chosen == null ? mode : chosen;
            if (rule != null) {
                try {
                    recurrence = Recurrence.parse(rule);
                } catch (IllegalArgumentException e) {
                    r.error("rule", e.getMessage());
                }
            }
        }
        f.done();
        CreateRequest create = Requests.create(caller, request, body);
        var wanted = new BookingAResource.Wanted(resourceId, start.toInstant(), end.toInstant(), title, notes);
        if (recurrence != null) {
            return Json.answer(series.book(caller, wanted, recurrence, mode, create,
                    o -> json.created(SeriesView.of(o), "/bookings/" + o.booked().get(0).id())));
        }
        return Json.answer(booking.book(caller, wanted, create, b -> json.created(BookingView.of(b), "/bookings/" + b.id())));
    }

    @Get
    @Allow(anyone = true)
    Object list(Caller caller, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                @Nullable @QueryValue String resource, @Nullable @QueryValue String site,
                @Nullable @QueryValue String date, @Nullable @QueryValue String limit,
                @Nullable @QueryValue String cursor) {
        if (site != null) {
            officeManagerOnly(caller, "site");
            var day = Params.date("date", date);
            String siteId = Params.id("site", site);
            var entries = looking.day(siteId, day);
            var zone = resources.list(siteId, null, PageRequest.of("1", null)).items().stream().findFirst()
                    .map(nl.spil.bookings.domain.Resource::zone).orElse(java.time.ZoneOffset.UTC);
            return new DayView(siteId, day.toString(), entries.stream().map(e -> DayEntryView.of(e, zone)).toList());
        }
        Instant since = Params.instant("from", from);
        Instant until = Params.instant("to", to);
        PageRequest page = PageRequest.of(limit, cursor);
        Page<Booking> found;
        if (resource != null) {
            officeManagerOnly(caller, "resource");
            found = looking.agenda(Params.id("resource", resource), since, until, page);
        } else {
            found = looking.mine(caller, since, until, page);
        }
        return new PageView<>(found.items().stream().map(BookingView::of).toList(), found.nextCursor());
    }

    @Get("/{id}")
    @Allow(anyone = true, ownerOnly = true)
    BookingView get(Caller caller, String id) {
        return BookingView.of(looking.byId(caller, id));
    }

    @Patch(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(anyone = true, ownerOnly = true)
    Object update(Caller caller, String id, @Nullable @QueryValue String scope, @Nullable @Body String body) {
        ChangingABooking.Scope which = scope(scope);
        JsonFields f = JsonBody.parse(body).only("version", "resourceId", "start", "end", "title", "notes");
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        Optional<String> resourceId = f.optionalText("resourceId", 64);
        Optional<Instant> start = f.has("start") ? Optional.ofNullable(f.instant("start")).map(OffsetDateTime::toInstant) : Optional.empty();
        Optional<Instant> end = f.has("end") ? Optional.ofNullable(f.instant("end")).map(OffsetDateTime::toInstant) : Optional.empty();
        Optional<String> title = f.optionalText("title", 200);
        Optional<Optional<String>> notes = f.has("notes") ? Optional.of(f.optionalMultiline("notes", 2000)) : Optional.empty();
        f.done();
        var change = new ChangingABooking.Change(version, resourceId, start, end, title, notes);
        if (which != ChangingABooking.Scope.OCCURRENCE) {
            var result = changing.changeSeries(caller, id, change, which);
            return new Views.SeriesChangeView(result.changed().stream().map(BookingView::of).toList(),
                    result.skipped().stream().map(s -> Views.SkippedView.of(s, result.changed().isEmpty()
                            ? java.time.ZoneOffset.UTC : result.changed().get(0).zone())).toList());
        }
        return BookingView.of(changing.change(caller, id, change));
    }

    @Delete("/{id}")
    @Allow(anyone = true, ownerOnly = true)
    HttpResponse<Void> cancel(Caller caller, String id, @Nullable @QueryValue String scope) {
        changing.cancel(caller, id, scope(scope));
        return HttpResponse.noContent();
    }

    @Post(uri = "/{id}/check-in", consumes = MediaType.ALL)
    @Allow(anyone = true, ownerOnly = true)
    BookingView checkIn(Caller caller, String id) {
        return BookingView.of(checkingIn.checkIn(caller, id));
    }

    private static ChangingABooking.Scope scope(String scope) {
        return scope == null || scope.isBlank() ? ChangingABooking.Scope.OCCURRENCE
                : ChangingABooking.Scope.tryParse(scope.trim()).orElseThrow(() ->
                        ProblemException.badRequest("scope", "must be occurrence, following or series"));
    }

    private static void officeManagerOnly(Caller caller, String param) {
        if (!caller.has(Role.OFFICE_MANAGER)) {
            throw ProblemException.forbidden("only the office manager lists bookings by " + param);
        }
    }
}
