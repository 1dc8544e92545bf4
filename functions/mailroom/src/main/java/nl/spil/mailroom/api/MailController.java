package nl.spil.mailroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import java.util.Optional;
import nl.spil.mailroom.api.Views.LoggedView;
import nl.spil.mailroom.api.Views.MailItemView;
import nl.spil.mailroom.api.Views.PageView;
import nl.spil.mailroom.api.Views.ReadLinkView;
import nl.spil.mailroom.app.AttachingScans;
import nl.spil.mailroom.app.LoggingMail;
import nl.spil.mailroom.app.LookingAtMail;
import nl.spil.mailroom.app.MailAccess;
import nl.spil.mailroom.app.MailAccess.Viewer;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** Logging what arrived, the lists of post, one item, and its photo or scan. */
@Controller("/mail")
public class MailController {

    private static final Viewer DESK = new Viewer(true, false);
    private static final Viewer RECIPIENT = new Viewer(false, true);
    private final LoggingMail logging;
    private final LookingAtMail looking;
    private final AttachingScans scans;
    private final Json json;

    MailController(LoggingMail logging, LookingAtMail looking, AttachingScans scans, Json json) {
        this.logging = logging;
        this.looking = looking;
        this.scans = scans;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    HttpResponse<String> log(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only(MailRequests.LOG_FIELDS);
        String siteId = f.text("siteId", 64);
        List<LoggingMail.NewItem> items = MailRequests.items(f);
        f.done();
        return Json.answer(logging.log(siteId, items, Requests.create(caller, request, body), logged -> json.created(
                new LoggedView(logged.items().get(0).batchId(), logged.items().stream()
                        .map(i -> MailItemView.of(i, DESK, Optional.ofNullable(logged.uploads().get(i.id())))).toList()),
                "/mail/" + logged.items().get(0).id())));
    }

    /**
     * My post ({@code status=waiting}, the default, or {@code done}); my department's
     * ({@code scope=department}); or, for reception and the office manager, a site's shelves
     * ({@code site=}).
     */
    @Get
    @Allow(anyone = true)
    PageView<MailItemView> list(Caller caller, @Nullable @QueryValue String site, @Nullable @QueryValue String status,
                                @Nullable @QueryValue String scope, @Nullable @QueryValue String limit,
                                @Nullable @QueryValue String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        boolean waiting = status == null || status.isBlank() || status.equals("waiting");
        if (!waiting && !status.equals("done")) {
            throw ProblemException.badRequest("status", "must be waiting or done");
        }
        if (scope != null && !scope.isBlank() && !scope.equals("mine") && !scope.equals("department")) {
            throw ProblemException.badRequest("scope", "must be mine or department");
        }
        Page<MailItem> items;
        Viewer viewer;
        if (site != null) {
            if (!MailAccess.isDesk(caller)) {
                throw ProblemException.forbidden("only reception and the office manager see a site's shelves");
            }
            if (!waiting) {
                throw ProblemException.badRequest("status", "a site's shelves hold waiting items only");
            }
            items = looking.shelves(MailRequests.site(site), page);
            viewer = DESK;
        } else if ("department".equals(scope)) {
            items = looking.department(caller, page);
            viewer = RECIPIENT;
        } else {
            items = looking.mine(caller, waiting, page);
            viewer = RECIPIENT;
        }
        return new PageView<>(items.items().stream().map(i -> MailItemView.of(i, viewer, Optional.empty())).toList(),
                items.nextCursor());
    }

    @Get("/{id}")
    @Allow(anyone = true)
    MailItemView get(Caller caller, String id) {
        LookingAtMail.Seen seen = looking.item(caller, id);
        return MailItemView.of(seen.item(), seen.viewer(), scans.uploadLink(seen.item()));
    }

    /** A short-lived link to the photo or scan. */
    @Get("/{id}/scan")
    @Allow(anyone = true)
    ReadLinkView scan(Caller caller, String id) {
        return ReadLinkView.of(scans.readLink(caller, id));
    }

    /** The upload is done: check what arrived and link it to the item (or delete it). */
    @Post(uri = "/{id}/scan", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    MailItemView uploaded(String id) {
        MailItem item = scans.uploaded(id);
        return MailItemView.of(item, DESK, scans.uploadLink(item));
    }
}
