package nl.spil.mailroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import nl.spil.mailroom.api.Views.SettingsView;
import nl.spil.mailroom.app.KeepingSiteSettings;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;

/** A site's reminder, return and keeping days. */
@Controller("/mail/settings")
public class SettingsController {

    private final KeepingSiteSettings settings;

    SettingsController(KeepingSiteSettings settings) {
        this.settings = settings;
    }

    @Get("/{siteId}")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    SettingsView get(String siteId) {
        return SettingsView.of(siteId, settings.of(siteId));
    }

    @Put(uri = "/{siteId}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    SettingsView put(String siteId, @Nullable @Body String body) {
        return SettingsView.of(siteId, settings.set(siteId, MailRequests.settings(JsonBody.parse(body))));
    }
}
