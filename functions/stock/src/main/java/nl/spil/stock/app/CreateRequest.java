package nl.spil.stock.app;

/** Who creates, with which Idempotency-Key (or none) and what the request means (for replays). */
public record CreateRequest(String callerId, String idempotencyKey, String fingerprint) {
}
