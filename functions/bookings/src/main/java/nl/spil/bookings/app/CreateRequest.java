package nl.spil.bookings.app;

/** Who creates, under which Idempotency-Key (or null), for which request fingerprint. */
public record CreateRequest(String callerId, String idempotencyKey, String fingerprint) {
}
