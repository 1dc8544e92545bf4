package nl.spil.stock.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import java.util.Optional;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.stock.api.Views.PurchasingDefaultsView;
import nl.spil.stock.app.SettingPurchasingDefaults;

/** A site's default cost centre and category for its purchase orders, kept by the office manager. */
@Controller("/stock/sites/{siteId}/purchasing")
public class PurchasingDefaultsController {

    private final SettingPurchasingDefaults defaults;

    PurchasingDefaultsController(SettingPurchasingDefaults defaults) {
        this.defaults = defaults;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PurchasingDefaultsView get(String siteId) {
        return PurchasingDefaultsView.of(defaults.of(siteId));
    }

    @Put(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    PurchasingDefaultsView set(String siteId, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("costCentre", "category");
        String costCentre = StockRequests.code(f, "costCentre", true).orElse(null);
        Optional<String> category = StockRequests.code(f, "category", false);
        f.done();
        return PurchasingDefaultsView.of(defaults.set(siteId, costCentre, category));
    }
}
