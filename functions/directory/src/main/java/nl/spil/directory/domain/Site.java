package nl.spil.directory.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An office location. Every "day", "morning" and working hour of a site is in its zone. Its
 * cost centre, when set, is what purchase orders for the site are booked to unless they say
 * otherwise.
 */
public record Site(String id, String name, ZoneId zone, WorkingHours hours, Optional<String> costCentre, long version,
                   Instant createdAt, Instant updatedAt) {

    public static Site open(String id, String name, ZoneId zone, WorkingHours hours, Optional<String> costCentre,
                            Instant now) {
        return new Site(id, name, zone, hours, costCentre, 1, now, now);
    }

    public Site changedTo(String newName, ZoneId newZone, WorkingHours newHours, Optional<String> newCostCentre,
                          Instant now) {
        return new Site(id, newName, newZone, newHours, newCostCentre, version + 1, createdAt, now);
    }
}
