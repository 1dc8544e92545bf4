package nl.spil.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory name split into what a {@link NameMatcher} query can match: its words, its runs of
 * particles (written out, as initials, run together with the surname) and the initials of its
 * given names. Prepare once, match many times.
 */
public final class PreparedName {

    /** Every word of every prepared name gets a number, so a search compares each distinct word once. */
    private static final Map<String, Integer> WORD_NUMBERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_WORD_NUMBER = new AtomicInteger();
    private static final int MAX_WORD_NUMBERS = 1 << 20;

    final String folded;
    final Slot[] slots;
    private final long nameWords; // mask of the words that are no particles

    private PreparedName(String folded, Slot[] slots, long nameWords) {
        this.folded = folded;
        this.slots = slots;
        this.nameWords = nameWords;
    }

    static PreparedName of(String name) {
        String folded = Names.fold(name);
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
        int n = Math.min(words.length, 62);
        List<Slot> slots = new ArrayList<>();
        boolean[] particle = new boolean[n];
        long nameWords = 0;
        for (int i = 0; i < n; i++) {
            // A particle never opens or closes a name: "Van Nguyen", "Anne de".
            particle[i] = i > 0 && i < n - 1 && NameMatcher.PARTICLES.contains(words[i]);
            slots.add(new Slot(words[i], Spelling.sound(words[i]), particle[i] ? SlotKind.PARTICLE : SlotKind.WORD, 1L << i));
            if (!particle[i]) {
                nameWords |= 1L << i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!particle[i] || (i > 0 && particle[i - 1])) {
                continue;
            }
            int end = i; // a run of particles i..end-1, then the surname word at end
            StringBuilder initials = new StringBuilder();
            StringBuilder joined = new StringBuilder();
            long mask = 0;
            while (end < n && particle[end]) {
                initials.append(words[end].charAt(0));
                joined.append(words[end]);
                mask |= 1L << end;
                end++;
            }
            slots.add(new Slot(initials.toString(), initials.toString(), SlotKind.PARTICLE_INITIALS, mask));
            if (words[end - 1].equals("der")) {
                slots.add(new Slot(initials + "r", initials + "r", SlotKind.PARTICLE_INITIALS, mask));
            }
            joined.append(words[end]);
            slots.add(new Slot(joined.toString(), Spelling.sound(joined.toString()), SlotKind.JOINED, mask | 1L << end));
        }
        StringBuilder given = new StringBuilder();
        long givenMask = 0;
        for (int i = 0; i < n - 1 && !particle[i]; i++) {
            given.append(words[i].charAt(0));
            givenMask |= 1L << i;
        }
        if (given.length() >= 2) {
            slots.add(new Slot(given.toString(), given.toString(), SlotKind.GIVEN_INITIALS, givenMask));
        }
        return new PreparedName(folded, slots.toArray(Slot[]::new), nameWords);
    }

    /** The folded name ("anne van den berg"). */
    public String folded() {
        return folded;
    }

    /** How many words have a number so far: the size of a matcher's memo per query token. */
    static int numberedWords() {
        return Math.min(NEXT_WORD_NUMBER.get(), MAX_WORD_NUMBERS);
    }

    double coverage(long used) {
        return nameWords == 0 ? 0 : (double) Long.bitCount(used & nameWords) / Long.bitCount(nameWords);
    }

    enum SlotKind { WORD, PARTICLE, JOINED, PARTICLE_INITIALS, GIVEN_INITIALS }

    /** Something a query token can match in a name, covering one or more of its words ({@code mask}). */
    record Slot(String text, String sound, SlotKind kind, long mask, long letters, long soundLetters, int number) {
        Slot(String text, String sound, SlotKind kind, long mask) {
            this(text, sound, kind, mask, Spelling.letters(text), Spelling.letters(sound), wordNumber(text));
        }
    }

    private static int wordNumber(String word) {
        Integer known = WORD_NUMBERS.get(word);
        if (known != null) {
            return known;
        }
        if (WORD_NUMBERS.size() >= MAX_WORD_NUMBERS) {
            return -1; // compared afresh each time; correct, only slower
        }
        return WORD_NUMBERS.computeIfAbsent(word, w -> NEXT_WORD_NUMBER.getAndIncrement());
    }
}
