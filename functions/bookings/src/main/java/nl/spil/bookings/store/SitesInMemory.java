package nl.spil.bookings.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.store.CatalogItems.Stamp;

/**
 * The resources of the sites this function searched lately, each kept with the site's catalog
 * version ({@link CatalogItems}) it was read at. A search reads the version and reads the
 * resources again only when it moved. What keeps a kept site true:
 * <ul>
 *   <li>the version is read (consistently) before the resources, so a change between the two
 *       reads leaves the item at a newer version than the one kept, and the next search reads
 *       again;</li>
 *   <li>the resources come from gsi1, which is eventually consistent (under a second behind in
 *       normal operation): resources read within {@link #SETTLE} of the version's last move may
 *       not show that move yet, so they answer their search but are not kept, and each search
 *       reads again until the change has settled.</li>
 * </ul>
 * Bounded by the resources held (a resource is about 1 KB in memory): the least recently searched
 * site goes first; a site larger than the bound on its own is never kept.
 */
final class SitesInMemory {

    static final Duration SETTLE = Duration.ofSeconds(10);
    static final int MAX_HELD = 20_000;

    private record Kept(long version, List<Resource> resources) {
    }

    private final Clock clock;
    private final int maxHeld;
    private final LinkedHashMap<String, Kept> sites = new LinkedHashMap<>(16, 0.75f, true);
    private int held;

    SitesInMemory(Clock clock, int maxHeld) {
        this.clock = clock;
        this.maxHeld = maxHeld;
    }

    /** The site's resources as of {@code stamp}: kept ones, or {@code readSite}'s (kept when settled). */
    List<Resource> of(String siteId, Stamp stamp, Supplier<List<Resource>> readSite) {
        Kept kept = kept(siteId);
        if (kept != null && kept.version() == stamp.version()) {
            return kept.resources();
        }
        Instant readAt = clock.instant();
        List<Resource> read = List.copyOf(readSite.get());
        if (!readAt.isBefore(stamp.changedAt().plus(SETTLE))) {
            keep(siteId, new Kept(stamp.version(), read));
        }
        return read;
    }

    private synchronized Kept kept(String siteId) {
        return sites.get(siteId);
    }

    private synchronized void keep(String siteId, Kept fresh) {
        if (fresh.resources().size() > maxHeld) {
            return;
        }
        Kept old = sites.get(siteId);
        if (old != null && old.version() > fresh.version()) {
            return; // a search that read later kept a newer version meanwhile
        }
        if (old != null) {
            held -= old.resources().size();
        }
        sites.put(siteId, fresh);
        held += fresh.resources().size();
        Iterator<Map.Entry<String, Kept>> eldest = sites.entrySet().iterator();
        while (held > maxHeld) {
            held -= eldest.next().getValue().resources().size();
            eldest.remove();
        }
    }

    /** The sites kept, least recently searched first (for tests). */
    synchronized List<String> keptSites() {
        return List.copyOf(sites.keySet());
    }
}
