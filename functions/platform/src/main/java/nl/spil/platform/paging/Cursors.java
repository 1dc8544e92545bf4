package nl.spil.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, tamper-evident list cursors. A cursor is a DynamoDB LastEvaluatedKey (string
 * attributes only, as all Spil keys are) bound to the list it came from (its scope, which
 * includes the list's filters) by an HMAC-SHA256 under one of the {@link CursorKeys}, whose id
 * leads the cursor ({@code k1.<key>.<mac>}); a changed, truncated or foreign cursor, or one
 * signed with a key that was removed, is a 400, never a 500 or another list's page.
 */
public final class Cursors {

    private static final char FIELD = '\u001f';
    private static final char RECORD = '\u001e';
    private static final int MAC_BYTES = 16;
    private final CursorKeys keys;

    public Cursors(CursorKeys keys) {
        this.keys = keys;
    }

    /** For a function that does not page (it names no cursor keys): any use is a programming error. */
    public static Cursors unavailable() {
        return new Cursors((CursorKeys) null);
    }

    private CursorKeys keys() {
        if (keys == null) {
            throw new IllegalStateException("this function pages a list but template.yaml gives it no CURSOR_KEYS_SECRET");
        }
        return keys;
    }

    /** Cursors signed with one key (tests). */
    public Cursors(String signingKey) {
        this(CursorKeys.single("k1", signingKey));
    }

    /** Cursor for the page after {@code lastKey}, or null when there is none. */
    public String encode(String scope, Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        StringBuilder payload = new StringBuilder();
        for (Map.Entry<String, AttributeValue> e : new TreeMap<>(lastKey).entrySet()) {
            String value = e.getValue().s();
            if (value == null) {
                throw new IllegalArgumentException("cursor keys must be strings: " + e.getKey());
            }
            payload.append(e.getKey()).append(FIELD).append(value).append(RECORD);
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        CursorKeys signing = keys();
        return signing.currentId() + "." + b64.encodeToString(body) + "."
                + b64.encodeToString(mac(signing.keys().get(signing.currentId()), scope, body));
    }

    /** The ExclusiveStartKey of a cursor, or null for none; 400 if it was not made here for this scope. */
    public Map<String, AttributeValue> decode(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 3 || cursor.length() > 2048 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw invalid();
        }
        byte[] signingKey = keys().keys().get(parts[0]);
        if (signingKey == null) {
            throw invalid();
        }
        byte[] body;
        byte[] given;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(parts[1]);
            given = b64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, mac(signingKey, scope, body))) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String record : text.split(String.valueOf(RECORD))) {
            if (record.isEmpty()) {
                continue;
            }
            int sep = record.indexOf(FIELD);
            if (sep < 0) {
                throw invalid();
            }
            key.put(record.substring(0, sep), AttributeValue.fromS(record.substring(sep + 1)));
        }
        return key;
    }

    private static byte[] mac(byte[] key, String scope, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(body);
            byte[] full = mac.doFinal();
            byte[] shortened = new byte[MAC_BYTES];
            System.arraycopy(full, 0, shortened, 0, MAC_BYTES);
            return shortened;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor this list gave out (changed, truncated or from another list)");
    }
}
