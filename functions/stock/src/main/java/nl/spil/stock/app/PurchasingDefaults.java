package nl.spil.stock.app;

import java.time.Instant;
import java.util.Optional;
import nl.spil.stock.domain.CostAllocation;

/** Where each site's default cost centre and category for purchase orders are kept (port). */
public interface PurchasingDefaults {

    /** What a site's orders are charged to when they name nothing. */
    record SiteDefaults(String siteId, CostAllocation charge, Instant updatedAt) {
    }

    Optional<SiteDefaults> of(String siteId);

    /** Sets (or replaces) a site's defaults. */
    void set(SiteDefaults defaults);
}
