package nl.spil.platform.text;

/**
 * How near two folded words are in spelling, for {@link NameMatcher}: the letters a word uses, an
 * edit distance that gives up early, and a sound form that folds Dutch and German spelling variants.
 */
final class Spelling {

    private Spelling() {
    }

    /** The letters a word uses, one bit each (a–z; anything else shares one bit). */
    static long letters(String word) {
        long mask = 0;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            mask |= ch >= 'a' && ch <= 'z' ? 1L << (ch - 'a') : 1L << 26;
        }
        return mask;
    }

    static int allowedEdits(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    /**
     * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions),
     * given up as soon as it must exceed {@code max} (answers {@code max + 1} then).
     */
    static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    /** Spelling variants folded together: Meijer/Meyer, Mueller/Muller, Dirck/Dirk, Phillips/Filips. */
    static String sound(String folded) {
        String s = folded.replace("ij", "y").replace("ue", "u").replace("oe", "o").replace("ae", "a")
                .replace("ck", "k").replace("ph", "f").replace("th", "t").replace("dt", "t");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0 || c != s.charAt(i - 1)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
