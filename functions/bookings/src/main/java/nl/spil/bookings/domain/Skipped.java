package nl.spil.bookings.domain;

import java.time.Instant;

/** An occurrence of a series that was not booked or not moved, and why. */
public record Skipped(Instant start, Instant end, Refusal why) {
}
