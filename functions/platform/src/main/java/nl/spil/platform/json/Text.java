package nl.spil.platform.json;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks for user text: control characters, e-mail shape. */
public final class Text {

    // Deliberately plain: local@domain.tld, no quoted local parts, no IP literals.
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private Text() {
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

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches() && !s.contains("..");
    }

    public static String normalizeEmail(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
