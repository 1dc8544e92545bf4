package nl.spil.directory.domain;

import java.time.Instant;
import java.time.ZoneId;

/** An office location. Every "day", "morning" and working hour of a site is in its zone. */
public record Site(String id, String name, ZoneId zone, WorkingHours hours, long version, Instant createdAt,
                   Instant updatedAt) {

    public Site changedTo(String newName, ZoneId newZone, WorkingHours newHours, Instant now) {
        return new Site(id, newName, newZone, newHours, version + 1, createdAt, now);
    }
}
