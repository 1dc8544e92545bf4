package nl.spil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final Cursors cursors = new Cursors(KEY);

    private static Map<String, AttributeValue> lastKey(String pk, String sk) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", AttributeValue.fromS(pk));
        key.put("sk", AttributeValue.fromS(sk));
        return key;
    }

    private static final Map<String, AttributeValue> LAST = lastKey("ORG#spil", "PERSON#01JABCDEFGHJKMNPQRSTVWXYZ");

    /** Asserts the decode is refused as a 400 about the cursor, and with no other exception type. */
    private void assertRefused(String scope, String cursor) {
        Throwable thrown = catchThrowable(() -> cursors.decode(scope, cursor));
        assertThat(thrown).as("decoding %s", cursor).isInstanceOf(ProblemException.class);
        Problem p = ((ProblemException) thrown).problem();
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.BASE + "invalid-request");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsALastEvaluatedKey() {
        String cursor = cursors.encode("people", LAST);

        assertThat(cursors.decode("people", cursor)).isEqualTo(LAST);
    }

    @Test
    void roundTripsKeysOfOneToFourAttributesWithAnyText() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", AttributeValue.fromS("SITE#Zoë's café, Delft/Ĳssel ☕ 😀"));
        key.put("sk", AttributeValue.fromS("2027-03-29T10:00:00Z#desk.7"));
        key.put("gsi1pk", AttributeValue.fromS(""));
        key.put("gsi1sk", AttributeValue.fromS("a=b&c=d?e#f"));

        assertThat(cursors.decode("bookings", cursors.encode("bookings", key))).isEqualTo(key);
        Map<String, AttributeValue> single = Map.of("id", AttributeValue.fromS("x"));
        assertThat(cursors.decode("bookings", cursors.encode("bookings", single))).isEqualTo(single);
    }

    @Test
    void encodesTheSameKeyToTheSameCursorWhateverTheMapOrder() {
        Map<String, AttributeValue> reversed = new LinkedHashMap<>();
        reversed.put("sk", LAST.get("sk"));
        reversed.put("pk", LAST.get("pk"));

        assertThat(cursors.encode("people", reversed)).isEqualTo(cursors.encode("people", LAST));
    }

    @Test
    void aCursorIsSafeInAUrlQueryWithoutEscaping() {
        assertThat(cursors.encode("people", LAST)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void noLastKeyMeansNoCursor() {
        assertThat(cursors.encode("people", null)).isNull();
        assertThat(cursors.encode("people", Map.of())).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void noCursorMeansTheFirstPage(String cursor) {
        assertThat(cursors.decode("people", cursor)).isNull();
    }

    @Test
    void refusesToEncodeAKeyThatIsNotAString() {
        Map<String, AttributeValue> numeric = Map.of("pk", AttributeValue.fromS("x"), "n", AttributeValue.fromN("5"));

        assertThatIllegalArgumentException().isThrownBy(() -> cursors.encode("people", numeric)).withMessageContaining("n");
    }

    @Test
    void refusesACursorOfAnotherScope() {
        String cursor = cursors.encode("people", LAST);

        assertRefused("sites", cursor);
        assertRefused("people ", cursor);
        assertRefused("peopl", cursor);
        assertRefused("", cursor);
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        String foreign = new Cursors("another-key-of-at-least-32-chars!").encode("people", LAST);

        assertRefused("people", foreign);
    }

    @Test
    void refusesAPayloadChangedToAnotherKeyWithTheOriginalMac() {
        String cursor = cursors.encode("people", LAST);
        String mac = cursor.substring(cursor.indexOf('.') + 1);
        String forged = b64("pk\u001fORG#other\u001esk\u001fPERSON#01JABCDEFGHJKMNPQRSTVWXYZ\u001e");

        assertRefused("people", forged + "." + mac);
    }

    @Test
    void refusesThePayloadOfOneCursorWithTheMacOfAnother() {
        String a = cursors.encode("people", LAST);
        String b = cursors.encode("people", lastKey("ORG#spil", "PERSON#01JZZZZZZZZZZZZZZZZZZZZZZZ"));

        assertRefused("people", a.substring(0, a.lastIndexOf('.')) + b.substring(b.lastIndexOf('.')));
    }

    @Test
    void refusesAChangedMac() {
        String cursor = cursors.encode("people", LAST);
        int dot = cursor.indexOf('.');
        char first = cursor.charAt(dot + 1);
        String changed = cursor.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + cursor.substring(dot + 2);

        assertRefused("people", changed);
    }

    @Test
    void refusesAChangedPayload() {
        String cursor = cursors.encode("people", LAST);
        String changed = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        assertRefused("people", changed);
    }

    @Test
    void refusesEveryTruncationOfACursor() {
        String cursor = cursors.encode("people", LAST);

        for (int length = 1; length < cursor.length(); length++) {
            assertRefused("people", cursor.substring(0, length));
        }
        for (int start = 1; start < cursor.length(); start++) {
            assertRefused("people", cursor.substring(start));
        }
    }

    @Test
    void anySingleCharacterChangeIsRefusedOrDecodesToTheSameKey() {
        // Base64 leaves a few low bits of the last character of each part unused; changing only
        // those bits keeps the bytes, so the cursor still means the same key. Anything else is a 400.
        String cursor = cursors.encode("people", LAST);

        for (int i = 0; i < cursor.length(); i++) {
            for (char c : (ALPHABET + ".=+/ %").toCharArray()) {
                if (c == cursor.charAt(i)) {
                    continue;
                }
                String changed = cursor.substring(0, i) + c + cursor.substring(i + 1);
                Throwable thrown = catchThrowable(() -> assertThat(cursors.decode("people", changed)).isEqualTo(LAST));
                if (thrown != null) {
                    assertThat(thrown).as("decoding %s", changed).isInstanceOf(ProblemException.class);
                    assertThat(((ProblemException) thrown).problem().status()).isEqualTo(400);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", ".", "..", "a.", ".b", "a.b", "abc.def.ghi", "!!!!.????", "====.====",
        "cGs.", "é.é", "\u0000.\u0000", "pk.sk", "a b.c d", "eyJwayI6IngifQ==.AAAA", "null", "undefined",
        "%2E%2E", "{\"pk\":\"x\"}"})
    void refusesGarbage(String cursor) {
        assertRefused("people", cursor);
    }

    @Test
    void refusesAnUnsignedPayloadWithAnEmptyOrMadeUpMac() {
        String payload = b64("pk\u001fORG#spil\u001e");

        assertRefused("people", payload + "." + b64(""));
        assertRefused("people", payload + "." + "A".repeat(22));
    }

    @Test
    void refusesVeryLongInput() {
        String cursor = cursors.encode("people", LAST);

        assertRefused("people", cursor + "A".repeat(3000));
        assertRefused("people", "A".repeat(1_000_000) + "." + "A".repeat(1_000_000));
        assertRefused("people", "A".repeat(2049));
    }

    @Test
    void refusesASigningKeyShorterThan32Characters() {
        assertThatIllegalStateException().isThrownBy(() -> new Cursors("x".repeat(31)))
                .withMessageContaining("at least 32 characters");
        assertThatIllegalStateException().isThrownBy(() -> new Cursors((String) null));
        assertThat(new Cursors("x".repeat(32)).encode("s", LAST)).isNotNull();
    }

    @org.junit.jupiter.api.Nested
    class Rotation {

        private static final String K1 = "k1-0123456789abcdef0123456789abcdef";
        private static final String K2 = "k2-0123456789abcdef0123456789abcdef";

        @Test
        void aCursorSignedWithAnOlderKeyStillVerifiesWhileThatKeyIsKept() {
            Cursors before = new Cursors(CursorKeys.parse("{\"current\":\"k1\",\"k1\":\"" + K1 + "\"}"));
            Cursors after = new Cursors(CursorKeys.parse("{\"current\":\"k2\",\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}"));
            String old = before.encode("people", LAST);

            assertThat(old).startsWith("k1.");
            assertThat(after.decode("people", old)).isEqualTo(LAST);
            assertThat(after.encode("people", LAST)).startsWith("k2.");
        }

        @Test
        void aCursorSignedWithARemovedKeyIsA400() {
            String old = new Cursors(CursorKeys.single("k1", K1)).encode("people", LAST);
            Cursors rotated = new Cursors(CursorKeys.single("k2", K2));
            Throwable thrown = catchThrowable(() -> rotated.decode("people", old));
            assertThat(thrown).isInstanceOf(ProblemException.class);
            assertThat(((ProblemException) thrown).problem().status()).isEqualTo(400);
        }

        @Test
        void aSecretThatIsNotAKeySetStopsTheFunctionAtInit() {
            assertThatIllegalStateException().isThrownBy(() -> CursorKeys.parse("{\"current\":\"k9\",\"k1\":\"" + K1 + "\"}"));
            assertThatIllegalStateException().isThrownBy(() -> CursorKeys.parse("{\"current\":\"k1\",\"k1\":\"short\"}"));
            assertThatIllegalStateException().isThrownBy(() -> CursorKeys.parse("[]"));
            assertThatIllegalStateException().isThrownBy(() -> CursorKeys.parse("{\"current\":\"k1\",\"k1\":5}"));
        }

        @Test
        void aFunctionThatDoesNotPageCannotMakeCursors() {
            assertThatIllegalStateException().isThrownBy(() -> Cursors.unavailable().encode("people", LAST))
                    .withMessageContaining("CURSOR_KEYS_SECRET");
        }
    }
}
