package nl.spil.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of logs and stored reasons: an e-mail address becomes a hashed id
 * ({@code rcpt-3f9a0c1d2e4b}, the first 48 bits of the SHA-256 of the lower-cased address), the
 * same for the same address, so a log reader can follow one recipient without learning who it is.
 */
public final class Redaction {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Longest reason kept. */
    public static final int MAX_REASON = 500;

    private Redaction() {
    }

    /** The hashed id of an address. */
    public static String recipientId(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "rcpt-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A reason text with every e-mail address replaced by its hashed id, on one line, capped. */
    public static String reason(String text) {
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
