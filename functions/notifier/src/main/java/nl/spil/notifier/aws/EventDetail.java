package nl.spil.notifier.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Puts the outbox item's id into the event detail as {@code eventId}, so consumers can be
 * idempotent per event (EventBridge's own event id differs on every put, so it cannot serve).
 * A detail that already names an eventId is left as it is.
 */
final class EventDetail {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventDetail() {
    }

    static String withEventId(String detail, String eventId) {
        try (JsonParser parser = JSON.createParser(detail)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("event detail must be a JSON object");
            }
            boolean empty = true;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                empty = false;
                if ("eventId".equals(parser.currentName())) {
                    return detail;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            StringWriter id = new StringWriter();
            try (var gen = JSON.createGenerator(id)) {
                gen.writeString(eventId);
            }
            String trimmed = detail.strip();
            return "{\"eventId\":" + id + (empty ? "}" : "," + trimmed.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
