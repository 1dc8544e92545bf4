package nl.spil.bookings.domain;

import java.util.List;

/**
 * A recurring booking: its rule, the occurrences booked (each a {@link Booking} with this
 * series id) and how many were released as no-shows; at {@link #MAX_MISSED} the series ends.
 */
public record Series(String id, String resourceId, String organiserId, String organiserEmail, String rule,
                     List<String> bookingIds, int missed, boolean ended) {

    public static final int MAX_MISSED = 3;

    public Series {
        bookingIds = List.copyOf(bookingIds);
    }

    /** The id of occurrence {@code index} (from 0): stable, so a retried series books the same bookings. */
    public static String occurrenceId(String seriesId, int index) {
        return seriesId + "-" + String.format("%02d", index + 1);
    }
}
