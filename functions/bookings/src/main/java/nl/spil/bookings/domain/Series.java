package nl.spil.bookings.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A recurring booking: its rule, the occurrences booked (each a {@link Booking} with this
 * series id) and how many were released as no-shows; at {@link #MAX_MISSED} the series ends.
 * {@code lastEnd} is the end of its last occurrence: the series is kept as long as that one.
 */
public record Series(String id, String resourceId, String organiserId, String organiserEmail, String rule,
                     List<String> bookingIds, int missed, boolean ended, Optional<Instant> lastEnd) {

    public static final int MAX_MISSED = 3;

    public Series {
        bookingIds = List.copyOf(bookingIds);
        lastEnd = lastEnd == null ? Optional.empty() : lastEnd;
    }

    /** The series of the occurrences booked (at least one). */
    public static Series of(String id, Booking.Organiser organiser, String resourceId, String rule, List<Booking> booked) {
        return new Series(id, resourceId, organiser.id(), organiser.email(), rule,
                booked.stream().map(Booking::id).toList(), 0, false,
                booked.stream().map(Booking::end).max(Comparator.naturalOrder()));
    }

    /** The id of occurrence {@code index} (from 0): stable, so a retried series books the same bookings. */
    public static String occurrenceId(String seriesId, int index) {
        return seriesId + "-" + String.format("%02d", index + 1);
    }

    /** Until when it is kept (the table's TTL), as long as its last occurrence. */
    public Optional<Instant> keptUntil() {
        return lastEnd.map(e -> e.plus(Booking.RETENTION));
    }
}
