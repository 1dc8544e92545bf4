package nl.spil.platform.idempotency;

/**
 * Who creates, under which Idempotency-Key (null for none), for which request fingerprint
 * (method, path and body: the same key with another fingerprint is refused).
 */
public record CreateRequest(String callerId, String idempotencyKey, String fingerprint) {

    /** A create without an Idempotency-Key (schedules, imports). */
    public static CreateRequest plain(String callerId) {
        return new CreateRequest(callerId, null, null);
    }
}
