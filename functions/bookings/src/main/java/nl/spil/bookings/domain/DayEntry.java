package nl.spil.bookings.domain;

import java.time.Instant;
import java.util.Optional;

/** One active booking as a site day lists it: enough for availability and the office manager's day overview. */
public record DayEntry(String bookingId, String resourceId, String resourceName, Instant start, Instant end,
                       String title, String organiserEmail, Optional<String> notes, boolean checkedIn) {

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    public static DayEntry of(Booking b) {
        return new DayEntry(b.id(), b.resourceId(), b.resourceName(), b.start(), b.end(), b.title(),
                b.organiserEmail(), b.notes(), b.checkedInAt().isPresent());
    }
}
