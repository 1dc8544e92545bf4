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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import nl.spil.bookings.api.BookingRequests.NewBooking;
import nl.spil.bookings.api.Views.BookingView;
import nl.spil.bookings.api.Views.DayEntryView;
import nl.spil.bookings.api.Views.DayView;
import nl.spil.bookings.api.Views.PageView;
import nl.spil.bookings.api.Views.SeriesChangeView;
import nl.spil.bookings.api.Views.SeriesView;
import nl.spil.bookings.api.Views.SkippedView;
import nl.spil.bookings.app.BookingAResource;
import nl.spil.bookings.app.BookingASeries;
import nl.spil.bookings.app.CancellingABooking;
import nl.spil.bookings.app.ChangingABooking;
import nl.spil.bookings.app.CheckingIn;
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
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** Book, look, change, cancel, check in. */
@Controller("/bookings")
public class BookingsController {

    private final BookingAResource booking;
    private final BookingASeries series;
    private final ChangingABooking changing;
    private final CancellingABooking cancelling;
    private final CheckingIn checkingIn;
    private final LookingAtBookings looking;
    private final ManagingResources resources;
    private final Json json;

    BookingsController(BookingAResource booking, BookingASeries series, ChangingABooking changing,
                       CancellingABooking cancelling, CheckingIn checkingIn, LookingAtBookings looking,
                       ManagingResources resources, Json json) {
        this.booking = booking;
        this.series = series;
        this.changing = changing;
        this.cancelling = cancelling;
        this.checkingIn = checkingIn;
        this.looking = looking;
        this.resources = resources;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow(anyone = true)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        NewBooking wish = BookingRequests.booking(body);
        CreateRequest create = Requests.create(caller, request, body);
        if (wish.repeat().isPresent()) {
            var repeat = wish.repeat().get();
            return Json.answer(series.book(caller, wish.resourceId(), wish.wanted(), repeat.recurrence(), repeat.mode(),
                    create, o -> json.created(SeriesView.of(o), "/bookings/" + o.series().bookingIds().get(0))));
        }
        return Json.answer(booking.book(caller, wish.resourceId(), wish.wanted(), create,
                b -> json.created(BookingView.of(b), "/bookings/" + b.id())));
    }

    @Get
    @Allow(anyone = true)
    Object list(Caller caller, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                @Nullable @QueryValue String resource, @Nullable @QueryValue String site,
                @Nullable @QueryValue String date, @Nullable @QueryValue String limit,
                @Nullable @QueryValue String cursor) {
        if (site != null) {
            officeManagerOnly(caller, "site");
            LocalDate day = Params.date("date", date);
            String siteId = Params.id("site", site);
            var entries = looking.day(siteId, day);
            ZoneId zone = resources.list(siteId, null, PageRequest.of("1", null)).items().stream().findFirst()
                    .map(Resource::zone).orElse(ZoneOffset.UTC);
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
        ChangingABooking.Change change = BookingRequests.change(body);
        if (which == ChangingABooking.Scope.OCCURRENCE) {
            return BookingView.of(changing.change(caller, id, change));
        }
        var result = changing.changeSeries(caller, id, change, which);
        List<SkippedView> skipped = result.skipped().stream().map(s -> SkippedView.of(s, result.zone())).toList();
        return new SeriesChangeView(result.changed().stream().map(BookingView::of).toList(), skipped);
    }

    @Delete("/{id}")
    @Allow(anyone = true, ownerOnly = true)
    HttpResponse<Void> cancel(Caller caller, String id, @Nullable @QueryValue String scope) {
        cancelling.cancel(caller, id, scope(scope));
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
