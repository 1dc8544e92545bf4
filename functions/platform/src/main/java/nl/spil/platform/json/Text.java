package nl.spil.platform.json;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.InvalidEmailAddressException;

/** Checks for user text: control characters, e-mail shape. */
public final class Text {

    // Deliberately plain: local@domain.tld, no quoted local parts, no IP literals.
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private Text() {
    }

    public static final String NOT_WELL_FORMED =
            "is not valid Unicode text (an unpaired surrogate, or bytes that are not UTF-8)";

    /**
     * False for text that cannot be stored or sent: an unpaired UTF-16 surrogate (JSON's
     * escape of U+D800 alone), or U+FFFD, which is what invalid UTF-8 bytes became on the way in.
     */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean hasControl(String s, boolean allowLineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (allowLineBreaks && (c == '\n' || c == '\t' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /**
     * An address Spil can both store and send to: the plain shape above, and accepted by the
     * strict parser that composes the mail ({@link EmailAddress#validate}, Jakarta Mail in strict
     * mode), so an address such as {@code x.@example.com} is refused where it comes in, not when a
     * reminder to it is sent.
     */
    public static boolean isEmail(String s) {
        if (s == null || s.length() > 254 || !EMAIL.matcher(s).matches() || s.contains("..")) {
            return false;
        }
        try {
            EmailAddress.validate("email", s);
            return true;
        } catch (InvalidEmailAddressException e) {
            return false;
        }
    }

    public static String normalizeEmail(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
