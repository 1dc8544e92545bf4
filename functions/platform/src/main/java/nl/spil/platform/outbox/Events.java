package nl.spil.platform.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** EventBridge's rules for custom events, checked when an event is enqueued rather than when it is sent. */
final class Events {
    /** PutEvents entry limit (256 KB), counting source, detail type, detail and time. */
    static final int MAX_ENTRY_BYTES = 256 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Events() {}

    static void checkSource(String source) {
        if (source == null || source.isBlank() || source.length() > 256) {
            throw new IllegalArgumentException("event source must be 1 to 256 characters");
        }
        if (!source.equals(source.strip()) || source.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("event source may not contain control characters or surrounding spaces");
        }
        if (source.toLowerCase(Locale.ROOT).startsWith("aws.")) {
            throw new IllegalArgumentException("event source may not start with 'aws.'");
        }
    }

    static void checkDetailType(String detailType) {
        if (detailType == null || detailType.isBlank() || detailType.length() > 128) {
            throw new IllegalArgumentException("event detail type must be 1 to 128 characters");
        }
        if (detailType.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("event detail type may not contain control characters");
        }
    }

    /** The detail must be exactly one JSON object. */
    static void checkDetail(String detail) {
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("event detail is required (a JSON object)");
        }
        try (JsonParser parser = JSON.createParser(detail)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("event detail must be a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("event detail must be a single JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event detail is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("event detail could not be read", e);
        }
    }

    static void checkEntrySize(String source, String detailType, String detail) {
        long size = utf8(source) + utf8(detailType) + utf8(detail) + 14; // + Time
        if (size > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("event too large for EventBridge: " + size + " bytes, the limit is "
                    + MAX_ENTRY_BYTES + "; put a reference in the detail instead of the data");
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
