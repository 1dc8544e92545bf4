package nl.spil.visitors.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A visitor's check-in code: 8 characters from an alphabet of 30 without look-alikes (no 0/O,
 * 1/I/L, no U), so 30^8 ≈ 2^39.3 codes: at most 10 wrong tries per site per 10 minutes make guessing
 * hopeless. Unique per site and day (the store refuses a code taken that day). Typed codes are
 * read forgivingly (case, spaces and dashes) and compared in constant time.
 */
public record CheckInCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;
    /** Bits of entropy of a code: LENGTH × log2(30). */
    public static final double BITS = LENGTH * Math.log(ALPHABET.length()) / Math.log(2);

    public CheckInCode {
        if (normalize(value).filter(value::equals).isEmpty()) {
            throw new IllegalArgumentException("not a check-in code");
        }
    }

    public static CheckInCode generate(RandomGenerator random) {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new CheckInCode(new String(out));
    }

    /** What a person typed, as a code: upper case, spaces and dashes dropped; empty if it cannot be one. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String s = typed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** True when the typed text is this code; takes the same time wherever the texts differ. */
    public boolean matches(String typed) {
        byte[] mine = value.getBytes(StandardCharsets.US_ASCII);
        byte[] theirs = normalize(typed).orElse("").getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(mine, theirs);
    }

    /** As printed for people: two groups of four ("ABCD-EFGH"). */
    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return "CheckInCode[hidden]";
    }
}
