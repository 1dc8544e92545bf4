package nl.spil.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A booking of one resource by one organiser. Times are UTC instants; the zone is the site's,
 * for days, e-mails and calendar entries. {@code releaseAt} is when the check-in window closes:
 * a booking nobody checked in by then is released as a no-show. {@code sequence} is the iCalendar
 * SEQUENCE: it goes up with every change the attendee should see. Bookings are created and
 * changed only through {@link #book} and the methods below, which check the resource's rules.
 */
public record Booking(String id, String resourceId, String resourceName, String siteId, ZoneId zone,
                      String organiserId, String organiserEmail, String title, Instant start, Instant end,
                      Instant releaseAt, Status status, Optional<Instant> checkedInAt, Optional<String> notes,
                      Optional<String> seriesId, int sequence, long version, Instant createdAt, Instant updatedAt) {

    /**
     * How long a booking is kept after it ended: a year and a month, so last year's use of a room
     * can still be looked back on (and a dispute about it settled); then it and its items expire.
     */
    public static final Duration RETENTION = Duration.ofDays(400);

    public enum Status { BOOKED, CANCELLED, RELEASED }

    /** Who books: the caller's subject and e-mail (empty when the token carried none). */
    public record Organiser(String id, String email) {
    }

    /** What the organiser asks for. */
    public record Wanted(Instant start, Instant end, String title, Optional<String> notes) {
    }

    public Booking {
        checkedInAt = checkedInAt == null ? Optional.empty() : checkedInAt;
        notes = notes == null ? Optional.empty() : notes;
        seriesId = seriesId == null ? Optional.empty() : seriesId;
    }

    /**
     * A new booking of {@code resource} (an occurrence of a series when {@code seriesId} is given).
     *
     * @throws Refused with the first of the resource's rules the wish breaks
     */
    public static Booking book(String id, Resource resource, Organiser organiser, Wanted wanted,
                               Optional<String> seriesId, Instant now) {
        resource.rules().check(new BookingRequest(wanted.start(), wanted.end(), resource.zone(), now));
        return new Booking(id, resource.id(), resource.name(), resource.siteId(), resource.zone(), organiser.id(),
                organiser.email(), wanted.title(), wanted.start(), wanted.end(),
                resource.rules().checkIn().closesAt(wanted.start()), Status.BOOKED, Optional.empty(), wanted.notes(),
                seriesId, 0, 1, now, now);
    }

    public List<Instant> slots() {
        return Slots.of(start, end);
    }

    public boolean isActive() {
        return status == Status.BOOKED;
    }

    /** Pseudonymised: no e-mail, title or notes left (its organiser left). */
    public boolean isForgotten() {
        return organiserEmail.isEmpty() && title.isEmpty() && notes.isEmpty();
    }

    /** Until when it and its items are kept (the table's TTL). */
    public Instant keptUntil() {
        return end.plus(RETENTION);
    }

    /** @throws Refused when the caller's version is not this one */
    public Booking atVersion(long expected) {
        if (version != expected) {
            throw new Refused(ChangedMeanwhile.version("booking", id, version, expected));
        }
        return this;
    }

    /** @throws Refused when the booking was cancelled or released */
    public Booking requireActive() {
        if (!isActive()) {
            throw new Refused(new NotActive(id, status));
        }
        return this;
    }

    /**
     * Another time, resource, title or notes; a new time or resource is checked against the
     * (new) resource's rules like a new booking.
     *
     * @throws Refused when inactive or against a rule
     */
    public Booking changedTo(Resource resource, Instant newStart, Instant newEnd, String newTitle,
                             Optional<String> newNotes, Instant now) {
        requireActive();
        if (!newStart.equals(start) || !newEnd.equals(end) || !resource.id().equals(resourceId)) {
            resource.rules().check(new BookingRequest(newStart, newEnd, resource.zone(), now));
        }
        return new Booking(id, resource.id(), resource.name(), resource.siteId(), resource.zone(), organiserId,
                organiserEmail, newTitle, newStart, newEnd, resource.rules().checkIn().closesAt(newStart), status,
                checkedInAt, newNotes, seriesId, sequence + 1, version + 1, createdAt, now);
    }

    public Booking cancelled(Instant now) {
        return withStatus(Status.CANCELLED, now);
    }

    public Booking released(Instant now) {
        return withStatus(Status.RELEASED, now);
    }

    public Booking checkedIn(Instant now) {
        requireActive();
        return new Booking(id, resourceId, resourceName, siteId, zone, organiserId, organiserEmail, title, start, end,
                releaseAt, status, Optional.of(now), notes, seriesId, sequence, version + 1, createdAt, now);
    }

    /** Pseudonymised for an organiser who left: no e-mail, title or notes; times and room stay for the room's history. */
    public Booking forgotten(Instant now) {
        return new Booking(id, resourceId, resourceName, siteId, zone, organiserId, "", "", start, end, releaseAt,
                status, checkedInAt, Optional.empty(), seriesId, sequence, version + 1, createdAt, now);
    }

    private Booking withStatus(Status s, Instant now) {
        requireActive();
        return new Booking(id, resourceId, resourceName, siteId, zone, organiserId, organiserEmail, title, start, end,
                releaseAt, s, checkedInAt, notes, seriesId, sequence + 1, version + 1, createdAt, now);
    }
}
