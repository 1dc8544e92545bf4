package nl.spil.platform.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.text.PreparedName.Slot;
import nl.spil.platform.text.PreparedName.SlotKind;

/**
 * Finds people by what a label says or a person types: "A. v.d. Berg", "T.a.v. dhr. Muller",
 * "vandenberg", "Jansen-de Vries", "annne berg". Tolerant of case, accents and punctuation
 * (through {@link Names#fold}), initials, Dutch and other name particles (written out,
 * abbreviated as "v.d."/"vd"/"v/d", or run together with the surname), titles and "t.a.v.",
 * typos (one edit in 4–7 letters, two from 8), spelling variants (ij/y, ü/ue, ck/k, double
 * letters) and a last word still being typed (prefixes).
 *
 * <p>Pure and allocation-light: a directory of 5,000 names is ranked in milliseconds (see
 * docs/architecture.md for the figure). A matcher is one search: use it from one thread. Written here rather than taken from a library because
 * the fuzzy-search libraries on Maven Central score whole strings, and neither know that "v.d."
 * stands for two particles nor that an initial matches a given name.
 */
public final class NameMatcher {

    /** Name particles (tussenvoegsels and their cousins); never a required word in a query. */
    static final Set<String> PARTICLES = Set.of("van", "von", "vom", "de", "den", "der", "des", "het", "t", "ter",
            "ten", "te", "in", "op", "uit", "aan", "bij", "onder", "over", "la", "le", "les", "l", "d", "du", "da", "di",
            "del", "della", "dos", "das", "do", "zu", "zum", "vd", "vdr", "vden", "v");
    /** Titles and salutations on labels; dropped from a query. */
    static final Set<String> TITLES = Set.of("dhr", "heer", "mw", "mevr", "mevrouw", "mr", "mrs", "ms", "miss", "mx",
            "dr", "drs", "ir", "ing", "prof", "fam", "familie", "herr", "frau", "sir", "madam", "attn", "tav", "fao");
    private static final double SOFT_MATCH_WEIGHT = 0.25;
    private static final double SOFT_MISS_PENALTY = 0.15;
    private static final double MISSING_WORD_PENALTY = 0.5;
    private static final int MAX_QUERY_TOKENS = 8;

    private final Token[] tokens;
    /** Per query token, the quality against each numbered word, filled as met (NaN: not yet). */
    private final float[][] known;
    private double[] scratch = new double[64];
    private final int required;
    private final boolean allSoft;

    private NameMatcher(Token[] tokens) {
        this.tokens = tokens;
        int numbered = PreparedName.numberedWords();
        this.known = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            known[i] = new float[numbered];
            Arrays.fill(known[i], Float.NaN);
        }
        int words = 0;
        for (Token t : tokens) {
            if (t.kind == Kind.WORD) {
                words++;
            }
        }
        this.allSoft = words == 0;
        this.required = allSoft ? tokens.length : words;
    }

    /** What was typed, read as a query. */
    public static NameMatcher of(String typed) {
        List<String> words = new ArrayList<>(Arrays.asList(Names.fold(typed).split(" ")));
        words.removeIf(w -> w.isEmpty() || w.chars().allMatch(Character::isDigit));
        cutBeforeAttention(words);
        List<String> kept = new ArrayList<>(words);
        kept.removeIf(TITLES::contains);
        if (kept.isEmpty()) {
            kept = words;
        }
        if (kept.size() > MAX_QUERY_TOKENS) {
            kept = kept.subList(0, MAX_QUERY_TOKENS);
        }
        Token[] tokens = new Token[kept.size()];
        for (int i = 0; i < tokens.length; i++) {
            String w = kept.get(i);
            Kind kind = w.length() == 1 ? Kind.LETTER : PARTICLES.contains(w) ? Kind.PARTICLE : Kind.WORD;
            tokens[i] = Token.of(w, kind);
        }
        // Words first: a name that fits none of them is given up before its particles are looked at.
        Arrays.sort(tokens, Comparator.comparing(t -> t.kind() != Kind.WORD));
        return new NameMatcher(tokens);
    }

    /** "Acme BV t.a.v. A. Jansen": the recipient is what follows "t.a.v." / "attn" / "fao". */
    private static void cutBeforeAttention(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            boolean tav = i >= 2 && w.equals("v") && words.get(i - 1).equals("a") && words.get(i - 2).equals("t");
            if (tav || w.equals("tav") || w.equals("attn") || w.equals("fao")) {
                if (i < words.size() - 1) {
                    words.subList(0, i + 1).clear();
                }
                return;
            }
        }
    }

    /** True when nothing searchable was typed. */
    public boolean isBlank() {
        return tokens.length == 0;
    }

    /** A name as the matcher compares it; prepare once, match many times. */
    public static PreparedName prepare(String name) {
        return PreparedName.of(name);
    }

    /** How well {@code name} fits what was typed: 0 when it does not, higher is better (about 0.5–1.5). */
    public double score(PreparedName name) {
        if (tokens.length == 0 || name.slots.length == 0) {
            return 0;
        }
        int n = tokens.length;
        int s = name.slots.length;
        double[] quality = scratch(n * s);
        double[] assigned = new double[n];
        int unmatchable = 0;
        for (int q = 0; q < n; q++) {
            boolean any = false;
            for (int j = 0; j < s; j++) {
                double v = quality(q, name.slots[j]);
                quality[q * s + j] = v;
                any |= v > 0;
            }
            if (!any && isRequired(tokens[q]) && ++unmatchable > allowedMissing()) {
                return 0; // most names end here, at their first word that fits nothing
            }
        }
        // Greedy assignment, best pairs first, the words a match requires before the rest: each
        // query token to one slot, slots never overlapping.
        long used = 0;
        for (int phase = 0; phase < 2; phase++) {
            while (true) {
                int bestQ = -1;
                int bestJ = -1;
                double best = 0;
                for (int q = 0; q < n; q++) {
                    if (assigned[q] != 0 || isRequired(tokens[q]) != (phase == 0)) {
                        continue;
                    }
                    for (int j = 0; j < s; j++) {
                        double v = quality[q * s + j];
                        if (v > best && (name.slots[j].mask() & used) == 0) {
                            best = v;
                            bestQ = q;
                            bestJ = j;
                        }
                    }
                }
                if (bestQ < 0) {
                    break;
                }
                assigned[bestQ] = best;
                used |= name.slots[bestJ].mask();
            }
        }
        double sum = 0;
        int missing = 0;
        for (int q = 0; q < n; q++) {
            if (isRequired(tokens[q])) {
                if (assigned[q] == 0) {
                    missing++;
                }
                sum += assigned[q];
            } else {
                sum += assigned[q] == 0 ? -SOFT_MISS_PENALTY : SOFT_MATCH_WEIGHT * assigned[q];
            }
        }
        // A long label may carry one word that is no part of the name ("kamer", a company).
        if (missing > allowedMissing()) {
            return 0;
        }
        double score = sum / required - MISSING_WORD_PENALTY * missing + 0.2 * name.coverage(used);
        return Math.max(score, 0.01);
    }

    private int allowedMissing() {
        return required >= 3 ? 1 : 0;
    }

    private double[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new double[size];
        }
        return scratch;
    }

    private boolean isRequired(Token t) {
        return allSoft || t.kind == Kind.WORD;
    }

    /** The best {@code limit} candidates, best first; ties by folded name. */
    public <T> List<T> best(Collection<T> candidates, Function<T, PreparedName> name, int limit) {
        if (isBlank() || limit <= 0) {
            return List.of();
        }
        record Scored<T>(T candidate, String folded, double score) {
        }
        Comparator<Scored<T>> worstFirst = Comparator.<Scored<T>>comparingDouble(Scored::score)
                .thenComparing(Scored::folded, Comparator.reverseOrder());
        PriorityQueue<Scored<T>> top = new PriorityQueue<>(worstFirst);
        for (T c : candidates) {
            PreparedName p = name.apply(c);
            double score = score(p);
            if (score > 0) {
                top.add(new Scored<>(c, p.folded, score));
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Scored<T>> out = new ArrayList<>(top);
        out.sort(worstFirst.reversed());
        return out.stream().map(Scored::candidate).toList();
    }

    private double quality(int index, Slot slot) {
        Token q = tokens[index];
        if (q.kind == Kind.WORD && (slot.kind() == SlotKind.WORD || slot.kind() == SlotKind.JOINED)) {
            float[] memo = known[index];
            int number = slot.number();
            if (number >= 0 && number < memo.length) {
                float v = memo[number];
                if (Float.isNaN(v)) {
                    v = (float) wordQuality(q, slot);
                    memo[number] = v;
                }
                return v;
            }
        }
        return quality(q, slot);
    }

    private double quality(Token q, Slot slot) {
        switch (q.kind) {
            case LETTER -> {
                if (slot.kind() == SlotKind.WORD || slot.kind() == SlotKind.PARTICLE) {
                    return slot.text().charAt(0) == q.text.charAt(0) ? (slot.text().length() == 1 ? 1.0 : 0.6) : 0;
                }
                return 0;
            }
            case PARTICLE -> {
                if (slot.kind() == SlotKind.PARTICLE || slot.kind() == SlotKind.PARTICLE_INITIALS) {
                    return slot.text().equals(q.text) ? 1.0 : 0;
                }
                if (allSoft && (slot.kind() == SlotKind.WORD || slot.kind() == SlotKind.JOINED)) {
                    return wordQuality(q, slot);
                }
                return 0;
            }
            default -> {
                return switch (slot.kind()) {
                    case WORD, JOINED -> wordQuality(q, slot);
                    case GIVEN_INITIALS -> slot.text().equals(q.text) ? 0.6 : 0;
                    default -> 0;
                };
            }
        }
    }

    static double wordQuality(Token q, Slot c) {
        String a = q.text;
        String b = c.text();
        if (a.equals(b)) {
            return 1.0;
        }
        if (q.sound.equals(c.sound())) {
            return 0.9;
        }
        if (a.length() >= 2 && b.startsWith(a)) {
            return 0.7 + 0.1 * a.length() / b.length();
        }
        int k = Spelling.allowedEdits(a.length());
        if (k == 0) {
            return 0;
        }
        // Each edit changes at most two letters of the set of letters a word uses: a cheap test
        // that spares the distance computation for almost every pair.
        boolean near = Long.bitCount(q.letters ^ c.letters()) <= 2 * k && Spelling.distance(a, b, k) <= k;
        boolean soundsNear = !near && Long.bitCount(q.soundLetters ^ c.soundLetters()) <= 2 * k
                && Spelling.distance(q.sound, c.sound(), k) <= k;
        if (near || soundsNear) {
            int d = near ? Spelling.distance(a, b, k) : k;
            return d <= 1 ? 0.65 : 0.5;
        }
        if (b.length() > a.length() && a.charAt(0) == b.charAt(0)
                && Spelling.distance(a, b.substring(0, a.length()), 1) <= 1) {
            return 0.45; // a word still being typed, with a slip in it
        }
        return 0;
    }

    enum Kind { WORD, PARTICLE, LETTER }

    record Token(String text, String sound, Kind kind, long letters, long soundLetters) {
        static Token of(String text, Kind kind) {
            String sound = Spelling.sound(text);
            return new Token(text, sound, kind, Spelling.letters(text), Spelling.letters(sound));
        }
    }
}
