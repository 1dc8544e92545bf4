package nl.spil.platform.mail;

/**
 * Text hygiene for e-mail: header values that cannot break out of their header line, body
 * text without stray control characters, and HTML escaping.
 *
 * <p>Everything that reaches a header (subjects, display names, file names) goes through
 * {@link #headerValue(String, int)}: CR, LF and every other control character become a space,
 * runs of whitespace fold to one space, the ends are trimmed and the length is capped. No
 * user input can therefore start a new header line such as {@code Bcc:}.
 */
public final class MailText {
    /** Longest subject, in code points. */
    public static final int MAX_SUBJECT = 200;
    /** Longest display name or office name, in code points. */
    public static final int MAX_NAME = 100;

    private MailText() {}

    /**
     * A value safe to put in a single header line: control characters (C0, DEL, C1 including
     * NEL), Unicode line and paragraph separators and bidirectional overrides are replaced by
     * spaces, whitespace is folded to single spaces, the ends are trimmed, and the result is
     * cut to {@code maxCodePoints} (ending in "…" when cut). Null gives "".
     */
    public static String headerValue(String value, int maxCodePoints) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxCodePoints * 2));
        boolean pendingSpace = false;
        int count = 0;
        boolean cut = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isBreaking(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            int needed = pendingSpace ? 2 : 1;
            if (count + needed > maxCodePoints) {
                cut = true;
                break;
            }
            if (pendingSpace) {
                out.append(' ');
                count++;
                pendingSpace = false;
            }
            out.appendCodePoint(c);
            count++;
        }
        if (cut) {
            // make room for the ellipsis, never splitting a surrogate pair
            if (count >= maxCodePoints) {
                int last = out.codePointBefore(out.length());
                out.setLength(out.length() - Character.charCount(last));
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append('…');
        }
        return out.toString();
    }

    /**
     * Body text cleaned for both the plain-text and HTML parts: line endings normalised to
     * {@code \n}, tabs kept, every other control character (and Unicode line/paragraph
     * separators, bidi overrides) removed. Null gives "".
     */
    public static String bodyText(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                out.append((char) c);
            } else if (c == 0x2028 || c == 0x2029 || c == 0x85) {
                out.append('\n');
            } else if (!isBreaking(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Escapes text for HTML element content and quoted attribute values: {@code & < > " '}.
     * Control characters are dropped as in {@link #bodyText(String)}. Null gives "".
     */
    public static String html(String value) {
        String text = bodyText(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** True for characters that must never reach a header or body: controls, separators, bidi overrides. */
    static boolean isBreaking(int c) {
        return Character.isISOControl(c)             // C0, DEL, C1 (incl. NEL U+0085)
                || c == 0x2028 || c == 0x2029        // line / paragraph separator
                || (c >= 0x202A && c <= 0x202E)      // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069)      // bidi isolates
                || c == 0xFEFF                       // BOM / zero-width no-break space
                || Character.getType(c) == Character.SURROGATE; // unpaired surrogate half
    }
}
