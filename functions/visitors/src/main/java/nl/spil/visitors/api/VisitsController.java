package nl.spil.visitors.api;

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
import java.util.List;
import java.util.Optional;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.paging.PageRequest;
import nl.spil.visitors.api.Views.DayView;
import nl.spil.visitors.api.Views.VisitView;
import nl.spil.visitors.api.Views.VisitsView;
import nl.spil.visitors.app.ChangingAVisit;
import nl.spil.visitors.app.CheckingInAVisitor;
import nl.spil.visitors.app.CheckingOutAVisitor;
import nl.spil.visitors.app.LookingAtVisits;
import nl.spil.visitors.app.RegisteringVisitors;
import nl.spil.visitors.app.Visits;
import nl.spil.visitors.domain.Visit;

/** Pre-register, look, change, cancel, review, check in and out at the desk, print a badge. */
@Controller("/visits")
public class VisitsController {

    private final RegisteringVisitors registering;
    private final LookingAtVisits looking;
    private final ChangingAVisit changing;
    private final CheckingInAVisitor checkingIn;
    private final CheckingOutAVisitor checkingOut;
    private final Visits visits;
    private final Json json;

    VisitsController(RegisteringVisitors registering, LookingAtVisits looking, ChangingAVisit changing,
                     CheckingInAVisitor checkingIn, CheckingOutAVisitor checkingOut, Visits visits, Json json) {
        this.registering = registering;
        this.looking = looking;
        this.changing = changing;
        this.checkingIn = checkingIn;
        this.checkingOut = checkingOut;
        this.visits = visits;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow({Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER})
    HttpResponse<String> register(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        var wanted = VisitorRequests.registration(body);
        Response answer = registering.register(caller, wanted, Requests.create(caller, request, body),
                made -> json.created(view(made, caller), "/visits/" + made.get(0).id()),
                ids -> {
                    List<Visit> found = visits.byIds(ids);
                    return found.isEmpty() ? Optional.empty() : Optional.of(json.created(view(found, caller), "/visits/" + ids.get(0)));
                });
        return Json.answer(answer);
    }

    private static VisitsView view(List<Visit> made, Caller caller) {
        return new VisitsView(made.stream().map(v -> VisitView.of(v, caller)).toList());
    }

    @Get
    @Allow({Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER})
    DayView day(Caller caller, @Nullable @QueryValue String site, @Nullable @QueryValue String date,
                @Nullable @QueryValue String q, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        String siteId = Params.id("site", site);
        var day = looking.day(caller, siteId, Params.optionalDate("date", date), Params.text("q", q, 120),
                PageRequest.of(limit, cursor));
        return new DayView(siteId, day.day().toString(), day.site().zone().getId(),
                day.visits().items().stream().map(v -> VisitView.of(v, caller)).toList(), day.visits().nextCursor());
    }

    @Get("/mine")
    @Allow({Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER})
    VisitsView mine(Caller caller) {
        return view(looking.mine(caller), caller);
    }

    @Get("/needs-review")
    @Allow(Role.OFFICE_MANAGER)
    VisitsView needingReview(Caller caller, @Nullable @QueryValue String site) {
        return view(looking.needingReview(Params.id("site", site)), caller);
    }

    @Get("/{id}")
    @Allow(value = {Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER}, ownerOnly = true)
    VisitView get(Caller caller, String id) {
        return VisitView.of(looking.byId(caller, id), caller);
    }

    @Patch(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(value = {Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER}, ownerOnly = true)
    VisitView change(Caller caller, String id, @Nullable @Body String body) {
        return VisitView.of(changing.change(caller, id, VisitorRequests.change(body)), caller);
    }

    @Delete("/{id}")
    @Allow(value = {Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER}, ownerOnly = true)
    HttpResponse<Void> cancel(Caller caller, String id) {
        changing.cancel(caller, id);
        return HttpResponse.noContent();
    }

    @Post(uri = "/{id}/check-in", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    VisitView checkIn(Caller caller, String id, @Nullable @Body String body) {
        return VisitView.of(checkingIn.atDesk(caller, id, VisitorRequests.atDesk(body)), caller);
    }

    @Post(uri = "/{id}/check-out", consumes = MediaType.ALL)
    @Allow(value = {Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER}, ownerOnly = true)
    VisitView checkOut(Caller caller, String id) {
        return VisitView.of(checkingOut.byId(caller, id), caller);
    }

    @Post(uri = "/{id}/review", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    VisitView review(Caller caller, String id, @Nullable @Body String body) {
        var review = VisitorRequests.review(body);
        return VisitView.of(changing.review(caller, id, review.approve(), review.why()), caller);
    }

    @Get(uri = "/{id}/badge", produces = MediaType.ALL)
    @Allow(value = {Role.STAFF, Role.RECEPTION, Role.OFFICE_MANAGER}, ownerOnly = true)
    HttpResponse<byte[]> badge(Caller caller, String id) {
        return HttpResponse.ok(looking.badge(caller, id)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"badge.pdf\"");
    }
}
