package nl.spil.bookings.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The directory's {@code PersonLeft} event as bookings reads it (docs/architecture.md, "Events
 * between functions"): bookings know a person by their Cognito {@code sub}; a person without one
 * never signed in, so booked nothing. {@code eventId} is the notifier's, stable across redelivery.
 */
public record PersonLeft(String eventId, String personId, Optional<String> sub, Instant leftAt) {
}
