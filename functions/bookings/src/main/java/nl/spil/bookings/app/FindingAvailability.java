package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.spil.bookings.domain.Availability;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.bookings.domain.Slots;
import nl.spil.platform.problem.ProblemException;

/**
 * "Free rooms for 8 with video, tomorrow 10:00-11:00 at site X": the site's resources and that
 * site day's bookings up to the window's end. Requests: 1 GetItem (the site's catalog version,
 * consistent) + 1 Query of the site day's entries (+ pages); the resources come from the
 * function's memory, and are read (1 Query on gsi1 per MB: 2 pages at 2,100 resources) only on a
 * container's first search of the site and after a change of its resources (on every search in
 * the 10 s after one, while gsi1 catches up). Bookings on other days are never read.
 */
@Singleton
public class FindingAvailability {

    private final Resources resources;
    private final Bookings bookings;

    public FindingAvailability(Resources resources, Bookings bookings) {
        this.resources = resources;
        this.bookings = bookings;
    }

    /** The free resources that fit, and the site's zone (UTC for a site without resources of that type). */
    public record Found(ZoneId zone, List<Resource> free) {
    }

    public Found search(String siteId, Instant start, Instant end, int seats, Set<String> features, ResourceType type) {
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("end", "must be after start");
        }
        List<Resource> candidates = resources.allOfSite(siteId, type);
        if (candidates.isEmpty()) {
            return new Found(ZoneOffset.UTC, List.of());
        }
        ZoneId zone = candidates.get(0).zone();
        LocalDate day = Slots.siteDay(start, zone);
        if (!Slots.siteDay(end.minusNanos(1), zone).equals(day)) {
            throw ProblemException.badRequest("end", "a search covers one day in the site's time zone (" + zone.getId() + ")");
        }
        List<DayEntry> entries = bookings.dayEntries(siteId, day, end);
        return new Found(zone, Availability.free(candidates, entries, start, end, seats, features, type));
    }
}
