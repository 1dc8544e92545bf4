package nl.spil.platform.i18n;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The languages Spil speaks to people in: Dutch and English.
 *
 * <p>Every e-mail and every message a person sees is in their own language; this enum is the
 * single place that knows which languages exist. Plain Java, no framework.
 */
public enum Language {
    NL("nl", Locale.forLanguageTag("nl-NL")),
    EN("en", Locale.forLanguageTag("en-GB"));

    /** Longest Accept-Language header we look at; anything beyond is ignored. */
    private static final int MAX_HEADER_CHARS = 4096;
    /** Most language ranges we look at in one Accept-Language header. */
    private static final int MAX_RANGES = 64;

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The ISO 639-1 code: {@code "nl"} or {@code "en"}. */
    public String code() {
        return code;
    }

    /** The locale used for formatting dates and numbers in this language (nl-NL, en-GB). */
    public Locale locale() {
        return locale;
    }

    /**
     * Picks the text (or any value) for this language: {@code lang.pick("Hallo", "Hello")}.
     * Keeps Dutch and English side by side in templates.
     */
    public <T> T pick(T dutch, T english) {
        return this == NL ? dutch : english;
    }

    /**
     * Parses a language code or tag, case-insensitively: {@code nl}, {@code EN}, {@code nl-NL},
     * {@code en_GB}, {@code en-US}.
     *
     * @throws IllegalArgumentException when the value is empty or not Dutch or English
     */
    public static Language parse(String value) {
        return tryParse(value).orElseThrow(() -> new IllegalArgumentException(
                "unsupported language " + describe(value) + "; expected one of: nl, en"));
    }

    /** Like {@link #parse(String)}, but empty when the value is missing or unsupported. */
    public static Optional<Language> tryParse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String tag = value.strip();
        int end = 0;
        while (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_') {
            end++;
        }
        String primary = tag.substring(0, end);
        if (end < tag.length() && end + 1 == tag.length()) {
            return Optional.empty(); // "nl-" is not a tag
        }
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Chooses the language from an HTTP {@code Accept-Language} header (RFC 9110 §12.5.4):
     * the supported language with the highest quality wins, ties go to the one listed first,
     * {@code q=0} rules a language out, {@code *} stands for the fallback. Malformed ranges are
     * skipped; a missing, empty or unusable header gives the fallback.
     *
     * @param header   the header value, may be null
     * @param fallback the language to use when the header names none we speak; not null
     */
    public static Language fromAcceptLanguage(String header, Language fallback) {
        if (fallback == null) {
            throw new IllegalArgumentException("fallback language is required");
        }
        if (header == null || header.isBlank()) {
            return fallback;
        }
        String value = header.length() > MAX_HEADER_CHARS ? header.substring(0, MAX_HEADER_CHARS) : header;
        List<Range> ranges = new ArrayList<>();
        Set<Language> excluded = EnumSet.noneOf(Language.class);
        boolean wildcardExcluded = false;
        String[] parts = value.split(",", MAX_RANGES + 1);
        for (int i = 0; i < parts.length && i < MAX_RANGES; i++) {
            String[] pieces = parts[i].split(";");
            String tag = pieces[0].strip();
            if (tag.isEmpty()) {
                continue;
            }
            Double q = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String param = pieces[p].strip();
                if (param.regionMatches(true, 0, "q=", 0, 2)) {
                    q = quality(param.substring(2).strip());
                }
            }
            if (q == null) {
                continue; // malformed quality: skip this range
            }
            if (tag.equals("*")) {
                if (q == 0) {
                    wildcardExcluded = true;
                } else {
                    ranges.add(new Range(null, q, i));
                }
                continue;
            }
            Optional<Language> language = isLanguageRange(tag) ? tryParse(tag) : Optional.empty();
            if (language.isEmpty()) {
                continue;
            }
            if (q == 0) {
                excluded.add(language.get());
            } else {
                ranges.add(new Range(language.get(), q, i));
            }
        }
        ranges.sort((a, b) -> a.q != b.q ? Double.compare(b.q, a.q) : Integer.compare(a.order, b.order));
        for (Range range : ranges) {
            if (range.language != null) {
                if (!excluded.contains(range.language)) {
                    return range.language;
                }
            } else if (!wildcardExcluded) {
                if (!excluded.contains(fallback)) {
                    return fallback;
                }
                for (Language other : values()) {
                    if (!excluded.contains(other)) {
                        return other;
                    }
                }
            }
        }
        return fallback;
    }

    private record Range(Language language, double q, int order) {}

    /** RFC 9110 qvalue: 0, 0.x{0,3}, 1, 1.0{0,3}; null when malformed. */
    private static Double quality(String text) {
        if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return null;
        }
        return Double.valueOf(text.endsWith(".") ? text + "0" : text);
    }

    /** A language range: 1–8 letters, then subtags of 1–8 letters or digits. */
    private static boolean isLanguageRange(String tag) {
        return tag.matches("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*");
    }

    private static String describe(String value) {
        if (value == null) {
            return "(missing)";
        }
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(20).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append(value.codePointCount(0, value.length()) > 20 ? "…'" : "'").toString();
    }
}
