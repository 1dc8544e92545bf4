package nl.spil.mailroom.app;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.spil.mailroom.domain.ScanType;

/**
 * Where photos and scans of items are kept (port): one object per item, uploaded and read only
 * through short-lived pre-signed links that are computed, not requested.
 */
public interface Scans {

    /** A pre-signed upload: send {@code method} to {@code url} with exactly these headers before {@code expiresAt}. */
    record UploadLink(String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    /** A pre-signed link to read the file, until {@code expiresAt}. */
    record ReadLink(String url, Instant expiresAt) {
    }

    /** What arrived at an item's key: its size and its first bytes. */
    record Arrived(long bytes, byte[] head) {
    }

    UploadLink uploadLink(String itemId, ScanType type, long bytes);

    ReadLink readLink(String itemId, ScanType type);

    /** What was uploaded for the item, if anything. */
    Optional<Arrived> arrived(String itemId);

    /** Deletes the item's file, every version of it. */
    void delete(String itemId);
}
