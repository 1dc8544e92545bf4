package nl.spil.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps personal data out of logs and stored reasons: an e-mail address becomes a pseudonym
 * ({@code rcpt-3f9a0c1d2e4b5a69}), the first 64 bits of an HMAC-SHA256 of the lower-cased address
 * under a secret key. The same address gives the same pseudonym, so a log reader can follow one
 * recipient; without the key, hashing a staff list does not tell who it is (as an unkeyed hash
 * would).
 */
public final class Redaction {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Longest reason kept. */
    public static final int MAX_REASON = 500;
    /** Shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** @param secret at least {@value #MIN_KEY_BYTES} bytes of a secret (read from the LOG_REDACTION_SECRET secret) */
    public Redaction(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the redaction key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The pseudonym of an address. */
    public String recipientId(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "rcpt-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** A reason text with every e-mail address replaced by its pseudonym, on one line, capped. */
    public String reason(String text) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(recipientId(m.group())));
        }
        m.appendTail(out);
        String oneLine = out.toString().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) : oneLine;
    }
}
