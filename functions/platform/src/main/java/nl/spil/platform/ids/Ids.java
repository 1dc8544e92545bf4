package nl.spil.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import nl.spil.platform.problem.ProblemException;

/**
 * Sortable ids: 48 bits of milliseconds then 80 random bits in Crockford base32 (the ULID
 * layout), so ids sort by creation time in DynamoDB sort keys and never collide in practice.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random;

    public Ids(Clock clock) {
        this(clock, new SecureRandom());
    }

    public Ids(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        long millis = clock.millis();
        byte[] entropy = new byte[10];
        random.nextBytes(entropy);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits -> 16 characters of 5 bits
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (entropy[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    /**
     * A path id as given, or 404 when it cannot be an id (junk, or so long that DynamoDB would
     * refuse the key with a 500).
     */
    public static String existing(String what, String id) {
        if (!looksValid(id)) {
            throw ProblemException.notFound(what, id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
        return id;
    }

    /** True for a string shaped like an id from {@link #next()} (used to refuse junk path ids early). */
    public static boolean looksValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
