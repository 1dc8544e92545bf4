package nl.spil.bookings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.bookings.store.CatalogItems.Stamp;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/** The sites a function keeps in memory: while their catalog version stands, settled, bounded. */
class SitesInMemoryTest {

    private static final Instant NOON = Instant.parse("2027-03-22T12:00:00Z");
    private final SettableClock clock = new SettableClock(NOON);
    private final AtomicInteger reads = new AtomicInteger();

    private static List<Resource> site(String siteId, int size) {
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(Resource.create(siteId + "-" + i, new Resource.Details(siteId, ZoneId.of("Europe/Amsterdam"),
                    ResourceType.DESK, "Desk " + i, "1", 1, Set.of(), BookingRules.DEFAULT), NOON));
        }
        return out;
    }

    private Supplier<List<Resource>> reading(List<Resource> resources) {
        return () -> {
            reads.incrementAndGet();
            return resources;
        };
    }

    private static Stamp changed(long version, Instant at) {
        return new Stamp(version, at);
    }

    @Test
    void aSiteIsReadOnceWhileItsVersionStandsAndAgainWhenItMoves() {
        SitesInMemory memory = new SitesInMemory(clock, 100);
        List<Resource> before = site("A", 3);
        List<Resource> after = site("A", 4);
        Stamp v1 = changed(1, NOON.minusSeconds(3600));
        assertThat(memory.of("A", v1, reading(before))).isEqualTo(before);
        assertThat(memory.of("A", v1, reading(after))).isEqualTo(before);
        assertThat(reads).hasValue(1);
        Stamp v2 = changed(2, NOON.minusSeconds(60));
        assertThat(memory.of("A", v2, reading(after))).isEqualTo(after);
        assertThat(memory.of("A", v2, reading(before))).isEqualTo(after);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSiteWithoutACatalogItemIsVersionZeroAndKept() {
        SitesInMemory memory = new SitesInMemory(clock, 100);
        Stamp none = CatalogItems.stamp(null);
        memory.of("A", none, reading(site("A", 2)));
        memory.of("A", none, reading(site("A", 2)));
        assertThat(reads).hasValue(1);
    }

    @Test
    void resourcesReadSoonAfterAChangeAnswerButAreNotKeptUntilTheChangeHasSettled() {
        SitesInMemory memory = new SitesInMemory(clock, 100);
        Stamp justNow = changed(5, NOON.minusSeconds(2)); // gsi1 may not show this change yet
        List<Resource> maybeBehind = site("A", 3);
        assertThat(memory.of("A", justNow, reading(maybeBehind))).isEqualTo(maybeBehind);
        List<Resource> caughtUp = site("A", 4);
        assertThat(memory.of("A", justNow, reading(caughtUp))).isEqualTo(caughtUp);
        assertThat(reads).hasValue(2);
        clock.advance(SitesInMemory.SETTLE);
        memory.of("A", justNow, reading(caughtUp));
        assertThat(memory.of("A", justNow, reading(maybeBehind))).isEqualTo(caughtUp);
        assertThat(reads).hasValue(3);
    }

    @Test
    void theLeastRecentlySearchedSiteGoesWhenTheResourcesHeldPassTheBound() {
        SitesInMemory memory = new SitesInMemory(clock, 10);
        Stamp old = changed(1, NOON.minusSeconds(3600));
        memory.of("A", old, reading(site("A", 4)));
        memory.of("B", old, reading(site("B", 4)));
        memory.of("A", old, reading(site("A", 4))); // A searched again: B is now the least recent
        assertThat(reads).hasValue(2);
        memory.of("C", old, reading(site("C", 4)));
        assertThat(memory.keptSites()).containsExactly("A", "C");
        memory.of("D", old, reading(site("D", 11))); // larger than the bound on its own: answered, never kept
        assertThat(memory.keptSites()).containsExactly("A", "C");
        memory.of("D", old, reading(site("D", 11)));
        assertThat(reads).hasValue(5);
    }
}
