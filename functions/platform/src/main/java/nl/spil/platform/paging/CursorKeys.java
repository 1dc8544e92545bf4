package nl.spil.platform.paging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys that sign list cursors, by key id, and the id that signs new ones. Kept in Secrets
 * Manager as {@code {"current": "k2", "k1": "…", "k2": "…"}}: to rotate, add a key, make it
 * current, and deploy; cursors signed with the older key still verify until it is removed.
 */
public record CursorKeys(String currentId, Map<String, byte[]> keys) {

    public static final int MIN_KEY_LENGTH = 32;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    public CursorKeys {
        keys = Map.copyOf(keys);
        if (currentId == null || !keys.containsKey(currentId)) {
            throw new IllegalStateException("the cursor keys name no current key that they hold");
        }
        for (Map.Entry<String, byte[]> k : keys.entrySet()) {
            if (!k.getKey().matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("a cursor key id is 1 to 16 letters, digits, '-' or '_'");
            }
            if (k.getValue().length < MIN_KEY_LENGTH) {
                throw new IllegalStateException("cursor key " + k.getKey() + " must be at least " + MIN_KEY_LENGTH + " characters");
            }
        }
    }

    /** One key, as tests give it. */
    public static CursorKeys single(String id, String key) {
        if (key == null) {
            throw new IllegalStateException("no cursor key");
        }
        return new CursorKeys(id, Map.of(id, key.getBytes(StandardCharsets.UTF_8)));
    }

    /** The secret's JSON text: {@code current} names the signing key, every other member is a key. */
    public static CursorKeys parse(String secretJson) {
        String current = null;
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(secretJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the cursor keys secret is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalStateException("cursor key " + name + " is not text");
                }
                if (name.equals("current")) {
                    current = parser.getText();
                } else {
                    keys.put(name, parser.getText().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the cursor keys secret is not JSON", e);
        }
        return new CursorKeys(current, keys);
    }
}
