package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.app.PurchasingDefaults.SiteDefaults;
import nl.spil.stock.domain.CostAllocation;

/**
 * The office manager sets what a site's purchase orders are charged to when they name no cost
 * centre or category; drafting reads it ({@link #charge}).
 */
@Singleton
public class SettingPurchasingDefaults {

    private final PurchasingDefaults defaults;
    private final DirectoryReader directory;
    private final Clock clock;

    public SettingPurchasingDefaults(PurchasingDefaults defaults, DirectoryReader directory, Clock clock) {
        this.defaults = defaults;
        this.directory = directory;
        this.clock = clock;
    }

    public SiteDefaults set(String siteId, String costCentre, Optional<String> category) {
        if (directory.site(siteId).isEmpty()) {
            throw ProblemException.unprocessable("unknown-site", "Unknown site", "site " + siteId + " does not exist");
        }
        SiteDefaults set = new SiteDefaults(siteId,
                new CostAllocation(costCentre, category.orElse(CostAllocation.DEFAULT_CATEGORY)), clock.instant());
        defaults.set(set);
        return set;
    }

    public SiteDefaults of(String siteId) {
        return defaults.of(siteId).orElseThrow(() -> ProblemException.notFound("purchasing defaults of site", siteId));
    }

    /**
     * What an order at {@code siteId} is charged to: what it names, else the site's defaults
     * (read only when something is missing); 422 when no cost centre is named anywhere.
     */
    CostAllocation charge(String siteId, Optional<String> costCentre, Optional<String> category) {
        Optional<CostAllocation> site = costCentre.isPresent() && category.isPresent() ? Optional.empty()
                : defaults.of(siteId).map(SiteDefaults::charge);
        return Refusals.guard(() -> CostAllocation.resolve(costCentre, category, site, siteId));
    }
}
