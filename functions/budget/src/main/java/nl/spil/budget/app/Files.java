package nl.spil.budget.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.spil.budget.domain.ReceiptType;

/** The budget's files in the private bucket (port), reached by others only through short-lived pre-signed URLs. */
public interface Files {

    /** Where and how to upload: a pre-signed PUT with the headers it was signed with. */
    record Upload(String url, Map<String, String> headers, Instant expiresAt) {
    }

    /** What arrived under a key: its version, its size, the content type it was uploaded with and its first bytes. */
    record Stored(String versionId, long size, String contentType, byte[] head) {
    }

    /** A pre-signed GET. */
    record Link(String url, Instant expiresAt) {
    }

    Upload upload(String key, ReceiptType type, long size, Duration validFor);

    Optional<Stored> inspect(String key);

    void delete(String key, String versionId);

    Link link(String key, Optional<String> versionId, Duration validFor);

    /** Stores the object unless the key holds one already; false when it did. */
    boolean putIfAbsent(String key, byte[] content, String contentType);
}
