package nl.spil.bookings.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A booking of one resource by one organiser. Times are UTC instants; the zone is the site's,
 * for days, e-mails and calendar entries. {@code releaseAt} is when the check-in window closes:
 * a booking nobody checked in by then is released as a no-show. {@code sequence} is the iCalendar SEQUENCE: it goes
 * up with every change the attendee should see.
 */
public record Booking(String id, String resourceId, String resourceName, String siteId, ZoneId zone,
                      String organiserId, String organiserEmail, String title, Instant start, Instant end,
                      Instant releaseAt, Status status, Optional<Instant> checkedInAt, Optional<String> notes, Optional<String> seriesId,
                      int sequence, long version, Instant createdAt, Instant updatedAt) {

    public enum Status { BOOKED, CANCELLED, RELEASED }

    public Booking {
        checkedInAt = checkedInAt == null ? Optional.empty() : checkedInAt;
        notes = notes == null ? Optional.empty() : notes;
        seriesId = seriesId == null ? Optional.empty() : seriesId;
    }

    public List<Instant> slots() {
        return Slots.of(start, end);
    }

    public boolean isActive() {
        return status == Status.BOOKED;
    }

    public Booking rescheduled(Resource resource, Instant newStart, Instant newEnd, String newTitle,
                               Optional<String> newNotes, Instant now) {
        return new Booking(id, resource.id(), resource.name(), resource.siteId(), resource.zone(), organiserId,
                organiserEmail, newTitle, newStart, newEnd, resource.rules().checkIn().closesAt(newStart), status, checkedInAt, newNotes, seriesId, sequence + 1,
                version + 1, createdAt, now);
    }

    public Booking cancelled(Instant now) {
        return withStatus(Status.CANCELLED, now);
    }

    public Booking released(Instant now) {
        return withStatus(Status.RELEASED, now);
    }

    public Booking checkedIn(Instant now) {
        return new Booking(id, resourceId, resourceName, siteId, zone, organiserId, organiserEmail, title, start, end,
                releaseAt, status, Optional.of(now), notes, seriesId, sequence, version + 1, createdAt, now);
    }

    private Booking withStatus(Status s, Instant now) {
        return new Booking(id, resourceId, resourceName, siteId, zone, organiserId, organiserEmail, title, start, end,
                releaseAt, s, checkedInAt, notes, seriesId, sequence + 1, version + 1, createdAt, now);
    }
}
