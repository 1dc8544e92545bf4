package nl.spil.bookings.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which resources fit a search and are free for the whole of [start, end), from one site day's entries. */
public final class Availability {

    private Availability() {
    }

    public static List<Resource> free(Collection<Resource> resources, Collection<DayEntry> entries, Instant start,
                                      Instant end, int seats, Set<String> features, ResourceType type) {
        Set<String> taken = new HashSet<>();
        for (DayEntry e : entries) {
            if (e.overlaps(start, end)) {
                taken.add(e.resourceId());
            }
        }
        return resources.stream()
                .filter(r -> r.fits(seats, features, type))
                .filter(r -> !taken.contains(r.id()))
                .sorted(Comparator.comparing(Resource::capacity).thenComparing(Resource::name))
                .toList();
    }
}
