package nl.spil.visitors.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.api.Views.HostSuggestion;
import nl.spil.visitors.api.Views.HostsView;
import nl.spil.visitors.api.Views.VisitView;
import nl.spil.visitors.app.CheckingInAVisitor;
import nl.spil.visitors.app.CheckingOutAVisitor;
import nl.spil.visitors.app.LookingAtVisits;

/** The kiosk (signed in as reception): check in and out with a code, find a host for a walk-in. */
@Controller
public class KioskController {

    private final CheckingInAVisitor checkingIn;
    private final CheckingOutAVisitor checkingOut;
    private final LookingAtVisits looking;

    KioskController(CheckingInAVisitor checkingIn, CheckingOutAVisitor checkingOut, LookingAtVisits looking) {
        this.checkingIn = checkingIn;
        this.checkingOut = checkingOut;
        this.looking = looking;
    }

    @Post(uri = "/check-ins", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    VisitView checkIn(Caller caller, @Nullable @Body String body) {
        var request = VisitorRequests.byCode(body, true);
        return VisitView.of(checkingIn.byCode(request.siteId(), request.code(), request.accepted()), caller);
    }

    @Post(uri = "/check-outs", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    VisitView checkOut(Caller caller, @Nullable @Body String body) {
        var request = VisitorRequests.byCode(body, false);
        return VisitView.of(checkingOut.byCode(caller, request.siteId(), request.code()), caller);
    }

    @Get("/visitor-hosts")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    HostsView hosts(@Nullable @QueryValue String site, @Nullable @QueryValue String q, @Nullable @QueryValue String limit) {
        String siteId = Params.id("site", site);
        String text = Params.text("q", q, 120).orElseThrow(() -> ProblemException.badRequest("q",
                "is required: the start of a name"));
        return new HostsView(looking.hosts(siteId, text, Params.limit(limit, 10, 50)).stream().map(HostSuggestion::of).toList());
    }
}
