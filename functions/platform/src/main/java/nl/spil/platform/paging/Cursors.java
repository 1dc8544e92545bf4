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
 * attributes only, as all Spil keys are) bound to the list it came from by an HMAC-SHA256;
 * a changed, truncated or foreign cursor is a 400, never a 500 or another list's page.
 */
public final class Cursors {

    private static final char FIELD = '\u001f';
    private static final char RECORD = '\u001e';
    private static final int MAC_BYTES = 16;
    private final byte[] key;

    public Cursors(String signingKey) {
        if (signingKey == null || signingKey.length() < 32) {
            throw new IllegalStateException("CURSOR_SIGNING_KEY must be at least 32 characters");
        }
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
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
        return b64.encodeToString(body) + "." + b64.encodeToString(mac(scope, body));
    }

    /** The ExclusiveStartKey of a cursor, or null for none; 400 if it was not made here for this scope. */
    public Map<String, AttributeValue> decode(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot == cursor.length() - 1 || cursor.length() > 2048) {
            throw invalid();
        }
        byte[] body;
        byte[] given;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(cursor.substring(0, dot));
            given = b64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, mac(scope, body))) {
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

    private byte[] mac(String scope, byte[] body) {
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
