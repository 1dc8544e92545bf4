package nl.spil.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * People's names as a search compares them: "Müller", "MULLER" and " muller " are the same name.
 * Used for name-prefix search keys, block-list matching and recipient suggestions, so that every
 * function folds names the same way.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {
    }

    /**
     * Lower case, accents and other combining marks removed, ß as ss, ø/æ/œ/ł/đ as o/ae/oe/l/d,
     * every run of punctuation or space as one space, trimmed: {@code "Zoë  d'Ávila-Ørsted"} →
     * {@code "zoe d avila orsted"}.
     */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        return NOT_LETTER_OR_DIGIT.matcher(s).replaceAll(" ").trim();
    }
}
