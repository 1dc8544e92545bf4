package nl.spil.directory.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.time.ZoneId;
import nl.spil.directory.api.Views.PageView;
import nl.spil.directory.api.Views.SiteView;
import nl.spil.directory.app.SettingUpSites;
import nl.spil.directory.domain.Site;
import nl.spil.platform.config.Settings;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Sites: everyone reads them, the office manager sets them up. */
@Controller("/sites")
public class SitesController {

    private final SettingUpSites sites;
    private final Json json;
    private final ZoneId defaultZone;

    SitesController(SettingUpSites sites, Json json, Settings settings) {
        this.sites = sites;
        this.json = json;
        this.defaultZone = ZoneId.of(settings.optional("DEFAULT_SITE_ZONE", "Europe/Amsterdam"));
    }

    @Get
    @Allow(anyone = true)
    PageView<SiteView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Site> page = sites.list(PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(SiteView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Allow(anyone = true)
    SiteView get(String id) {
        return SiteView.of(sites.byId(Ids.existing("site", id)));
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(DirectoryRequests.SITE_FIELDS);
        DirectoryRequests.SiteFields site = DirectoryRequests.site(fields, defaultZone);
        fields.done();
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(sites.add(site.name(), site.zone(), site.hours(), site.costCentre(), create,
                s -> json.created(SiteView.of(s), "/sites/" + s.id())));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    SiteView update(String id, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(PeopleController.withVersion(DirectoryRequests.SITE_FIELDS));
        Long version = fields.integer("version", 1, Long.MAX_VALUE);
        DirectoryRequests.SiteFields site = DirectoryRequests.site(fields, defaultZone);
        fields.done();
        return SiteView.of(sites.change(Ids.existing("site", id), version, site.name(), site.zone(), site.hours(),
                site.costCentre()));
    }
}
