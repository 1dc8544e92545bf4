package nl.spil.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static Problem problemOf(ThrowingCallable call) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call);
        assertThat(e).as("expected a ProblemException").isNotNull();
        return e.problem();
    }

    private static void assertBodyRefused(String body, String messagePart) {
        Problem p = problemOf(() -> JsonBody.parse(body));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.BASE + "invalid-request");
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.message()).contains(messagePart);
        });
    }

    @Test
    void parsesAnObjectIntoFieldsReadableByName() {
        JsonFields f = JsonBody.parse("{\"name\":\"Anna\",\"seats\":8,\"video\":true,\"notes\":null}");

        assertThat(f.text("name", 50)).isEqualTo("Anna");
        assertThat(f.integer("seats", 1, 100)).isEqualTo(8L);
        assertThat(f.optionalBoolean("video")).contains(true);
        assertThat(f.has("notes")).as("a null value counts as absent").isFalse();
        assertThat(f.has("missing")).isFalse();
        assertThat(f.valid()).isTrue();
    }

    @Test
    void acceptsAnEmptyObjectAndSurroundingWhitespace() {
        JsonFields f = JsonBody.parse("  \n{ }\r\n\t");

        assertThat(f.valid()).isTrue();
        assertThat(f.optionalText("anything", 10)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t "})
    void refusesAMissingOrBlankBody(String body) {
        assertBodyRefused(body, "a JSON object is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\":1}]", "\"text\"", "42", "true", "null"})
    void refusesAJsonValueThatIsNotAnObject(String body) {
        assertBodyRefused(body, "must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}{\"a\":1}", "{} 1", "{} \"x\"", "{} []"})
    void refusesAnotherJsonValueAfterTheObject(String body) {
        assertBodyRefused(body, "has content after the JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}x", "{} ]", "{} }", "{}//comment"})
    void refusesGarbageAfterTheObject(String body) {
        Problem p = problemOf(() -> JsonBody.parse(body));

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void refusesADuplicateKeyNamingIt() {
        assertBodyRefused("{\"email\":\"a@x.nl\",\"email\":\"b@x.nl\"}", "\"email\"");
    }

    @Test
    void refusesADuplicateKeyInANestedObject() {
        assertBodyRefused("{\"address\":{\"city\":\"Delft\",\"city\":\"Gouda\"}}", "\"city\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1",            // unterminated
        "{\"a\":}",            // missing value
        "{'a':1}",             // single quotes
        "{a:1}",               // unquoted key
        "{\"a\":1,}",          // trailing comma
        "{\"a\":01}",          // leading zero
        "{\"a\":NaN}",         // not JSON numbers
        "{\"a\":Infinity}",
        "{/*c*/\"a\":1}",      // comments
        "{\"a\":\"\\x41\"}",   // bad escape
        "{\"a\":tru}",
    })
    void refusesMalformedJsonAsBadRequestWithItsPosition(String body) {
        Problem p = problemOf(() -> JsonBody.parse(body));

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.message()).containsAnyOf("is not valid JSON (line 1, column", "could not be read as JSON");
        });
    }

    @Test
    void reportsTheLineOfASyntaxErrorOnALaterLine() {
        assertBodyRefused("{\n  \"a\": 1,\n  \"b\": ]\n}", "line 3");
    }

    @Test
    void refusesRawControlCharactersInsideStrings() {
        assertBodyRefused("{\"name\":\"Anna\u0000\"}", "is not valid JSON");
        assertBodyRefused("{\"name\":\"An\nna\"}", "is not valid JSON");
    }

    @Test
    void acceptsSixteenLevelsOfNesting() {
        JsonFields f = JsonBody.parse(nestedObjects(16));

        assertThat(f.valid()).isTrue();
        assertThat(f.optionalObject("a")).isPresent();
    }

    @Test
    void refusesSeventeenLevelsOfNesting() {
        assertBodyRefused(nestedObjects(17), "is nested deeper than 16 levels");
    }

    @Test
    void refusesDeeplyNestedArrays() {
        String body = "{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}";

        assertBodyRefused(body, "is nested deeper than 16 levels");
    }

    @Test
    void refusesAHundredThousandOpenBracketsWithoutOverflowingTheStack() {
        String body = "{\"a\":" + "[".repeat(100_000);

        Problem p = problemOf(() -> JsonBody.parse(body, 1_000_000));

        assertThat(p.status()).isEqualTo(400);
    }

    @Test
    void refusesABodyOverTheDefaultLimitWith413() {
        String body = "{\"notes\":\"" + "x".repeat(JsonBody.DEFAULT_LIMIT_BYTES) + "\"}";

        Problem p = problemOf(() -> JsonBody.parse(body));

        assertThat(p.status()).isEqualTo(413);
        assertThat(p.type()).isEqualTo(Problem.BASE + "too-large");
        assertThat(p.detail()).contains(String.valueOf(JsonBody.DEFAULT_LIMIT_BYTES));
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String body = "{\"n\":\"" + "x".repeat(100 - 8) + "\"}";
        assertThat(body).hasSize(100);

        assertThat(JsonBody.parse(body, 100).optionalText("n", 1000)).isPresent();
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        // 40 characters, but "é" is two bytes in UTF-8: 10 + 30*2 = 70 bytes
        String body = "{\"n\":\"" + "é".repeat(30) + "\"}";
        assertThat(body.length()).isLessThan(50);

        Problem p = problemOf(() -> JsonBody.parse(body, 50));

        assertThat(p.status()).isEqualTo(413);
    }

    @Test
    void refusesANumberWithTooManyDigitsAsBadRequest() {
        String body = "{\"n\":" + "9".repeat(5000) + "}";

        assertThat(problemOf(() -> JsonBody.parse(body)).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999999", "1E-99999999999", "-1e2147483648"})
    void refusesANumberWhoseExponentCannotBeReadAsBadRequest(String number) {
        Problem p = problemOf(() -> JsonBody.parse("{\"n\":" + number + "}"));

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void keepsAHugeButReadableNumberOutOfRangeRatherThanFailing() {
        JsonFields f = JsonBody.parse("{\"n\":1e999999999}");

        assertThat(f.optionalInteger("n", 0, 1000)).isEmpty();
        assertThat(errorsOf(f)).containsExactly(new FieldError("n", "must be from 0 to 1000"));
    }

    @Test
    void readsUnicodeTextAsGiven() {
        JsonFields f = JsonBody.parse("{\"name\":\"Zoë \\u00e9 ☕ 😀\"}");

        assertThat(f.text("name", 50)).isEqualTo("Zoë é ☕ 😀");
    }

    private static String nestedObjects(int levels) {
        return "{\"a\":".repeat(levels) + "{}" + "}".repeat(levels);
    }

    static java.util.List<FieldError> errorsOf(JsonFields f) {
        ProblemException e = catchThrowableOfType(ProblemException.class, f::done);
        return Optional.ofNullable(e).map(x -> x.problem().errors()).orElse(java.util.List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\\ud800b\"}", "{\"name\":\"a\\udc00\"}", "{\"name\":\"\\ud800\"}",
            "{\"name\":\"bad \uFFFD byte\"}"})
    void refusesTextThatIsNotWellFormedUnicodeNamingTheField(String body) {
        Problem p = problemOf(() -> JsonBody.parse(body));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.message()).contains("not valid Unicode");
        });
    }

    @Test
    void namesAMalformedTextInsideListsAndObjects() {
        Problem p = problemOf(() -> JsonBody.parse("{\"lines\":[{\"a\":\"x\"},{\"note\":\"\\udbff\"}]}"));
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("lines[1].note"));
    }

    @Test
    void acceptsPairedSurrogates() {
        assertThat(JsonBody.parse("{\"name\":\"caf\\u00e9 \\ud83d\\ude00\"}").optionalText("name", 20))
                .hasValue("caf\u00e9 \ud83d\ude00");
    }
}
