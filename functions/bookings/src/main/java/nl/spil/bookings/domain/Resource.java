package nl.spil.bookings.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/** A room or desk of a site. The site's zone is copied in so a booking needs no directory read. */
public record Resource(String id, String siteId, ZoneId zone, ResourceType type, String name, String floor,
                       int capacity, Set<String> features, BookingRules rules, long version, Instant createdAt,
                       Instant updatedAt) {

    public Resource {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is at least 1");
        }
        features = Set.copyOf(new TreeSet<>(features));
    }

    public record Details(String siteId, ZoneId zone, ResourceType type, String name, String floor, int capacity,
                          Set<String> features, BookingRules rules) {
    }

    public static Resource create(String id, Details d, Instant now) {
        return new Resource(id, d.siteId(), d.zone(), d.type(), d.name(), d.floor(), d.capacity(), d.features(),
                d.rules(), 1, now, now);
    }

    public Resource changedTo(Details d, Instant now) {
        return new Resource(id, d.siteId(), d.zone(), d.type(), d.name(), d.floor(), d.capacity(), d.features(),
                d.rules(), version + 1, createdAt, now);
    }

    /** @throws Refused when the caller's version is not this one */
    public Resource atVersion(long expected) {
        if (version != expected) {
            throw new Refused(ChangedMeanwhile.version("resource", id, version, expected));
        }
        return this;
    }

    /** Fits a search: enough seats and every wanted feature. */
    public boolean fits(int seats, Set<String> wanted, ResourceType wantedType) {
        return capacity >= seats && features.containsAll(wanted) && (wantedType == null || wantedType == type);
    }
}
