package nl.spil.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Instant T = Instant.parse("2027-03-29T08:00:00.123Z");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A SecureRandom that hands out the same byte every time, to see where the random bits go. */
    private static SecureRandom constant(int b) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) b);
            }
        };
    }

    private static long timeOf(String id) {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = millis * 32 + CROCKFORD.indexOf(id.charAt(i));
        }
        return millis;
    }

    @Test
    void anIdIs26CharactersOfTheCrockfordAlphabet() {
        Ids ids = new Ids(Clock.systemUTC());

        for (int i = 0; i < 1000; i++) {
            assertThat(ids.next()).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}").doesNotContain("I", "L", "O", "U");
        }
    }

    @Test
    void theFirstTenCharactersAreTheMillisecondsOfTheClock() {
        Ids ids = new Ids(at(T));

        assertThat(timeOf(ids.next())).isEqualTo(T.toEpochMilli());
        assertThat(new Ids(at(Instant.EPOCH)).next()).startsWith("0000000000");
        assertThat(timeOf(new Ids(at(Instant.ofEpochMilli((1L << 48) - 1))).next())).isEqualTo((1L << 48) - 1);
    }

    @Test
    void theLastSixteenCharactersCarryAllEightyRandomBits() {
        assertThat(new Ids(at(T), constant(0)).next()).endsWith("0".repeat(16));
        assertThat(new Ids(at(T), constant(0xff)).next()).endsWith("Z".repeat(16));
        // 0x55 = 01010101: 80 bits of 0101... read 5 at a time give 01010 10101 = "A" "N" alternating
        assertThat(new Ids(at(T), constant(0x55)).next()).endsWith("AN".repeat(8));
    }

    @Test
    void idsFromALaterMillisecondSortAfterEveryIdOfAnEarlierOne() {
        Ids earlier = new Ids(at(T));
        Ids later = new Ids(at(T.plusMillis(1)));
        List<String> early = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            early.add(earlier.next());
            late.add(later.next());
        }

        assertThat(early.stream().max(String::compareTo).orElseThrow())
                .isLessThan(late.stream().min(String::compareTo).orElseThrow());
    }

    @Test
    void idsSortByTimeAcrossYearsAndDecades() {
        Instant[] times = {Instant.EPOCH, Instant.parse("2001-09-09T01:46:40Z"), Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00.001Z"), Instant.parse("2100-12-31T23:59:59.999Z"),
            Instant.ofEpochMilli((1L << 48) - 1)};
        List<String> ids = new ArrayList<>();
        for (Instant t : times) {
            ids.add(new Ids(at(t), constant(0xff)).next());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aHundredThousandIdsOfTheSameMillisecondAreUnique() {
        Ids ids = new Ids(at(T));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next());
        }

        assertThat(seen).hasSize(100_000);
    }

    @Test
    void generatedIdsLookValid() {
        Ids ids = new Ids(Clock.systemUTC());

        for (int i = 0; i < 100; i++) {
            assertThat(Ids.looksValid(ids.next())).isTrue();
        }
        assertThat(Ids.looksValid("01JQ3Z8X4M7K9P2R5T6V8W0Y1Z")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"01JQ3Z8X4M7K9P2R5T6V8W0Y1", "01JQ3Z8X4M7K9P2R5T6V8W0Y1ZZ", "01jq3z8x4m7k9p2r5t6v8w0y1z",
        "01JQ3Z8X4M7K9P2R5T6V8W0YIZ", "01JQ3Z8X4M7K9P2R5T6V8W0YLZ", "01JQ3Z8X4M7K9P2R5T6V8W0YOZ",
        "01JQ3Z8X4M7K9P2R5T6V8W0YUZ", "01JQ3Z8X4M7K9P2R5T6V8W0Y Z", "../../../../etc/passwd0000",
        "01JQ3Z8X4M7K9P2R5T6V8W0Y1\n", "01JQ3Z8X4M7K9P2R5T6V8W0Y1Ｚ"})
    void looksValidRefusesAnythingElse(String id) {
        assertThat(Ids.looksValid(id)).isFalse();
    }
}
