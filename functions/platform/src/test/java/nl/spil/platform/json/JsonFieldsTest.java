package nl.spil.platform.json;

import static nl.spil.platform.json.JsonBodyTest.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    /** JSON text for a Java string, escaping what JSON requires (so control characters reach the field). */
    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= 0x80 && c <= 0x9f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static JsonFields one(String name, String jsonValue) {
        return JsonBody.parse("{\"" + name + "\":" + jsonValue + "}");
    }

    private static List<FieldError> errors(JsonFields f) {
        return errorsOf(f);
    }

    @Nested
    class SingleLineText {

        @Test
        void returnsTheTextWithSurroundingWhitespaceStripped() {
            JsonFields f = one("name", json("  Anna de Vries \t"));

            assertThat(f.text("name", 100)).isEqualTo("Anna de Vries");
            assertThat(f.valid()).isTrue();
        }

        @Test
        void recordsAMissingRequiredFieldAsRequired() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.text("name", 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("name", "is required"));
        }

        @Test
        void treatsNullAsMissing() {
            JsonFields f = one("name", "null");

            assertThat(f.text("name", 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("name", "is required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\t"})
        void refusesABlankRequiredText(String value) {
            JsonFields f = one("name", json(value));

            assertThat(f.text("name", 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("name", "must not be empty"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "1.5", "true", "[\"Anna\"]", "{\"first\":\"Anna\"}"})
        void refusesAValueThatIsNotAString(String jsonValue) {
            JsonFields f = one("name", jsonValue);

            assertThat(f.text("name", 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("name", "must be a string"));
        }

        @Test
        void acceptsExactlyTheMaximumLengthAndRefusesOneMore() {
            assertThat(one("code", json("abcde")).text("code", 5)).isEqualTo("abcde");

            JsonFields f = one("code", json("abcdef"));
            assertThat(f.text("code", 5)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("code", "must be at most 5 characters"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Anna\r\nBcc: x@evil.example", "Anna\nde Vries", "Anna\rde Vries", "An\u0000na",
            "An\tna", "An\u001bna", "An\u007fna", "An\u0085na", "An\u2028na", "An\u2029na"})
        void refusesControlCharactersAndLineBreaksInsideSingleLineText(String value) {
            JsonFields f = one("subject", json(value));

            assertThat(f.text("subject", 200)).isNull();
            assertThat(errors(f)).containsExactly(
                    new FieldError("subject", "must not contain control characters or line breaks"));
        }

        @Test
        void acceptsUnicodeLettersAndSymbols() {
            JsonFields f = one("name", json("Ĳsbrand Çelik-Øverby ☕ 日本"));

            assertThat(f.text("name", 100)).isEqualTo("Ĳsbrand Çelik-Øverby ☕ 日本");
        }

        @Test
        void optionalTextIsEmptyWithoutErrorWhenMissingNullOrBlank() {
            JsonFields f = JsonBody.parse("{\"b\":null,\"c\":\"  \"}");

            assertThat(f.optionalText("a", 10)).isEmpty();
            assertThat(f.optionalText("b", 10)).isEmpty();
            assertThat(f.optionalText("c", 10)).isEmpty();
            assertThat(f.valid()).isTrue();
        }

        @Test
        void optionalTextStillRefusesBadValues() {
            JsonFields f = JsonBody.parse("{\"a\":5,\"b\":\"x\\r\\ny\",\"c\":\"toolong\"}");

            assertThat(f.optionalText("a", 10)).isEmpty();
            assertThat(f.optionalText("b", 10)).isEmpty();
            assertThat(f.optionalText("c", 3)).isEmpty();
            assertThat(errors(f)).extracting(FieldError::field).containsExactly("a", "b", "c");
        }
    }

    @Nested
    class MultilineText {

        @Test
        void keepsNewlinesAndTabs() {
            JsonFields f = one("notes", json("Catering for 8\n\tno nuts\r\nbeamer please"));

            assertThat(f.optionalMultiline("notes", 500)).contains("Catering for 8\n\tno nuts\r\nbeamer please");
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u2028b", "a\u0085b"})
        void refusesOtherControlCharacters(String value) {
            JsonFields f = one("notes", json(value));

            assertThat(f.optionalMultiline("notes", 500)).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("notes", "must not contain control characters"));
        }

        @Test
        void refusesTooLongAndNonStringValues() {
            JsonFields f = JsonBody.parse("{\"a\":\"123456\",\"b\":[\"x\"]}");

            assertThat(f.optionalMultiline("a", 5)).isEmpty();
            assertThat(f.optionalMultiline("b", 5)).isEmpty();
            assertThat(errors(f)).containsExactly(
                    new FieldError("a", "must be at most 5 characters"),
                    new FieldError("b", "must be a string"));
        }

        @Test
        void isEmptyWhenMissing() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.optionalMultiline("notes", 5)).isEmpty();
            assertThat(f.valid()).isTrue();
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void namesEveryFieldNotAllowed() {
            JsonFields f = JsonBody.parse("{\"name\":\"A\",\"emial\":\"a@x.nl\",\"admin\":true}");

            f.only("name", "email");

            assertThat(errors(f)).containsExactlyInAnyOrder(
                    new FieldError("emial", "is not a known field"),
                    new FieldError("admin", "is not a known field"));
        }

        @Test
        void acceptsAllowedFieldsIncludingOnesThatAreAbsent() {
            JsonFields f = JsonBody.parse("{\"name\":\"A\"}").only(List.of("name", "email", "language"));

            assertThat(f.valid()).isTrue();
        }

        @Test
        void countsAFieldSentAsNullAsSent() {
            JsonFields f = JsonBody.parse("{\"isAdmin\":null}").only("name");

            assertThat(errors(f)).containsExactly(new FieldError("isAdmin", "is not a known field"));
        }

        @Test
        void prefixesUnknownFieldsOfANestedObject() {
            JsonFields f = JsonBody.parse("{\"homeAddress\":{\"line1\":\"Markt 1\",\"zip\":\"2611GP\"}}").only("homeAddress");

            f.optionalObject("homeAddress").orElseThrow().only("line1", "postalCode");

            assertThat(errors(f)).containsExactly(new FieldError("homeAddress.zip", "is not a known field"));
        }
    }

    @Nested
    class Integers {

        @Test
        void readsAWholeNumberWithinRange() {
            assertThat(one("seats", "8").integer("seats", 1, 100)).isEqualTo(8L);
            assertThat(one("seats", "1").integer("seats", 1, 100)).isEqualTo(1L);
            assertThat(one("seats", "100").integer("seats", 1, 100)).isEqualTo(100L);
            assertThat(one("cents", "-250").integer("cents", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-250L);
        }

        @Test
        void readsTheExtremesOfLong() {
            JsonFields f = JsonBody.parse("{\"max\":9223372036854775807,\"min\":-9223372036854775808}");

            assertThat(f.integer("max", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
            assertThat(f.integer("min", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
        }

        @Test
        void readsAWholeNumberWrittenWithAFractionOfZero() {
            assertThat(one("seats", "8.0").integer("seats", 1, 100)).isEqualTo(8L);
            assertThat(one("seats", "8e0").integer("seats", 1, 100)).isEqualTo(8L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "0.1", "-2.25", "1e-1"})
        void refusesAFraction(String number) {
            JsonFields f = one("seats", number);

            assertThat(f.integer("seats", -100, 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("seats", "must be a whole number"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"8\"", "true", "[8]", "{\"n\":8}"})
        void refusesAStringOrOtherNonNumber(String jsonValue) {
            JsonFields f = one("seats", jsonValue);

            assertThat(f.integer("seats", 1, 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("seats", "must be a whole number"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "101", "-1", "9223372036854775808", "1e30"})
        void refusesANumberOutOfRange(String number) {
            JsonFields f = one("seats", number);

            assertThat(f.integer("seats", 1, 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("seats", "must be from 1 to 100"));
        }

        @Test
        void requiresARequiredInteger() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.integer("seats", 1, 100)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("seats", "is required"));
        }

        @Test
        void optionalIntegerIsEmptyWithoutErrorWhenMissing() {
            JsonFields f = JsonBody.parse("{\"b\":null}");

            assertThat(f.optionalInteger("a", 1, 5)).isEmpty();
            assertThat(f.optionalInteger("b", 1, 5)).isEmpty();
            assertThat(f.valid()).isTrue();
        }
    }

    @Nested
    class Booleans {

        @Test
        void readsTrueAndFalse() {
            JsonFields f = JsonBody.parse("{\"a\":true,\"b\":false}");

            assertThat(f.optionalBoolean("a")).contains(true);
            assertThat(f.optionalBoolean("b")).contains(false);
            assertThat(f.optionalBoolean("c")).isEmpty();
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"true\"", "1", "0", "[true]"})
        void refusesAnythingElse(String jsonValue) {
            JsonFields f = one("video", jsonValue);

            assertThat(f.optionalBoolean("video")).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("video", "must be true or false"));
        }
    }

    @Nested
    class OneOfWords {

        private Optional<ZoneOffset> parse(String s) {
            return "utc".equals(s) ? Optional.of(ZoneOffset.UTC) : Optional.empty();
        }

        @Test
        void returnsTheParsedWord() {
            assertThat(one("kind", json("utc")).oneOf("kind", this::parse, "utc", true)).isEqualTo(ZoneOffset.UTC);
        }

        @Test
        void refusesAnUnknownWordSayingWhatIsExpected() {
            JsonFields f = one("kind", json("UTC"));

            assertThat(f.oneOf("kind", this::parse, "room or desk", true)).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("kind", "must be room or desk"));
        }

        @Test
        void requiresItOnlyWhenRequired() {
            JsonFields required = JsonBody.parse("{}");
            JsonFields optional = JsonBody.parse("{}");

            assertThat(required.oneOf("kind", this::parse, "utc", true)).isNull();
            assertThat(optional.oneOf("kind", this::parse, "utc", false)).isNull();
            assertThat(errors(required)).containsExactly(new FieldError("kind", "is required"));
            assertThat(optional.valid()).isTrue();
        }

        @Test
        void anOptionalWordSentBlankIsAnErrorNotTheDefault() {
            // found from outside: "language": "" was stored as the default nl
            JsonFields f = one("language", json(""));

            assertThat(f.oneOf("language", this::parse, "nl or en", false)).isNull();
            assertThat(errors(f)).containsExactly(
                    new FieldError("language", "must be nl or en; leave the field out for the default"));
        }
    }

    @Nested
    class Emails {

        @ParameterizedTest
        @ValueSource(strings = {"Anna.de.Vries@Example.NL", "  anna.de.vries@example.nl  ", "ANNA.DE.VRIES@EXAMPLE.NL"})
        void normalisesToLowerCaseWithoutSurroundingSpace(String given) {
            assertThat(one("email", json(given)).email("email")).isEqualTo("anna.de.vries@example.nl");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a+tag@sub.example.org", "o'brien@example.ie", "x_y-z@a-b.example.com", "1@2.nl"})
        void acceptsOrdinaryAddresses(String given) {
            JsonFields f = one("email", json(given));

            assertThat(f.email("email")).isEqualTo(given);
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"anna", "anna@", "@example.nl", "anna@example", "anna@@example.nl", "an na@example.nl",
            "anna@exa mple.nl", "anna..b@example.nl", "anna@example..nl", "<anna@example.nl>", "anna@-example.nl",
            "anna@example-.nl", "jé@example.nl", "anna@example.nl, bob@example.nl", "\"anna\"@example.nl",
            "anna@[127.0.0.1]"})
        void refusesWhatIsNotAPlainAddress(String given) {
            JsonFields f = one("email", json(given));

            assertThat(f.email("email")).isNull();
            assertThat(errors(f)).containsExactly(
                    new FieldError("email", "must be an e-mail address such as name@example.org"));
        }

        @Test
        void refusesAHeaderInjectionAttempt() {
            JsonFields f = one("email", json("anna@example.nl\r\nBcc: all@example.nl"));

            assertThat(f.email("email")).isNull();
            assertThat(f.valid()).isFalse();
        }

        @Test
        void refusesAnAddressLongerThan254Characters() {
            String longAddress = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "nl"; // 309 chars
            JsonFields f = one("email", json(longAddress));

            assertThat(f.email("email")).isNull();
            assertThat(f.valid()).isFalse();
        }

        @Test
        void optionalEmailIsEmptyWhenMissingAndRefusesBadOnes() {
            JsonFields f = JsonBody.parse("{\"bad\":\"nope\",\"good\":\"Bob@Example.org\"}");

            assertThat(f.optionalEmail("missing")).isEmpty();
            assertThat(f.optionalEmail("good")).contains("bob@example.org");
            assertThat(f.optionalEmail("bad")).isEmpty();
            assertThat(errors(f)).containsExactly(
                    new FieldError("bad", "must be an e-mail address such as name@example.org"));
        }

        @Test
        void requiresARequiredEmail() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.email("email")).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("email", "is required"));
        }
    }

    @Nested
    class TextLists {

        @Test
        void readsStrippedEntries() {
            JsonFields f = one("equipment", "[\" screen \",\"video\"]");

            assertThat(f.textList("equipment", 10, 20, true)).containsExactly("screen", "video");
            assertThat(f.valid()).isTrue();
        }

        @Test
        void refusesAStringWhereAListIsExpected() {
            JsonFields f = one("equipment", json("screen"));

            assertThat(f.textList("equipment", 10, 20, true)).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("equipment", "must be a list of strings"));
        }

        @Test
        void indexesEachBadEntry() {
            JsonFields f = one("equipment", "[\"screen\",3,\"\",\"x\\ny\",\"" + "w".repeat(21) + "\",null,\"video\"]");

            assertThat(f.textList("equipment", 10, 20, true)).containsExactly("screen", "video");
            assertThat(errors(f)).containsExactly(
                    new FieldError("equipment[1]", "must be a non-empty string"),
                    new FieldError("equipment[2]", "must be a non-empty string"),
                    new FieldError("equipment[3]", "must not contain control characters"),
                    new FieldError("equipment[4]", "must be at most 20 characters"),
                    new FieldError("equipment[5]", "must be a non-empty string"));
        }

        @Test
        void refusesTooManyEntries() {
            JsonFields f = one("equipment", "[\"a\",\"b\",\"c\"]");

            assertThat(f.textList("equipment", 2, 20, true)).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("equipment", "must have at most 2 entries"));
        }

        @Test
        void requiresItOnlyWhenRequired() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.textList("a", 2, 20, false)).isEmpty();
            assertThat(f.valid()).isTrue();
            assertThat(f.textList("b", 2, 20, true)).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("b", "is required"));
        }

        @Test
        void prefixesEntriesOfANestedList() {
            JsonFields f = JsonBody.parse("{\"room\":{\"equipment\":[\"ok\",7]}}");

            f.optionalObject("room").orElseThrow().textList("equipment", 5, 10, true);

            assertThat(errors(f)).containsExactly(new FieldError("room.equipment[1]", "must be a non-empty string"));
        }
    }

    @Nested
    class NestedObjects {

        @Test
        void readsFieldsOfANestedObject() {
            JsonFields f = JsonBody.parse("{\"homeAddress\":{\"city\":\"Delft\"}}");

            assertThat(f.optionalObject("homeAddress").orElseThrow().text("city", 50)).isEqualTo("Delft");
        }

        @Test
        void isEmptyWhenMissingOrNull() {
            JsonFields f = JsonBody.parse("{\"b\":null}");

            assertThat(f.optionalObject("a")).isEmpty();
            assertThat(f.optionalObject("b")).isEmpty();
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"Delft\"", "[]", "1", "false"})
        void refusesAValueThatIsNotAnObject(String jsonValue) {
            JsonFields f = one("homeAddress", jsonValue);

            assertThat(f.optionalObject("homeAddress")).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("homeAddress", "must be an object"));
        }

        @Test
        void prefixesErrorsWithThePathOfEveryLevel() {
            JsonFields f = JsonBody.parse("{\"a\":{\"b\":{\"c\":5}}}");

            f.optionalObject("a").orElseThrow().optionalObject("b").orElseThrow().text("c", 5);

            assertThat(errors(f)).containsExactly(new FieldError("a.b.c", "must be a string"));
        }
    }

    @Nested
    class Times {

        @Test
        void readsAnInstantWithItsOffset() {
            assertThat(one("start", json("2027-03-28T01:30:00+01:00")).instant("start"))
                    .isEqualTo(OffsetDateTime.of(2027, 3, 28, 1, 30, 0, 0, ZoneOffset.ofHours(1)));
            assertThat(one("start", json("2027-03-28T00:30:00Z")).instant("start"))
                    .isEqualTo(OffsetDateTime.of(2027, 3, 28, 0, 30, 0, 0, ZoneOffset.UTC));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2027-03-29T10:00:00", "2027-03-29", "2027-02-30T10:00:00+01:00",
            "2027-03-29 10:00:00+02:00", "29-03-2027T10:00:00+02:00", "2027-03-29T25:00:00+02:00", "tomorrow",
            "2027-03-29T10:00:00+02:00[Europe/Amsterdam]", "-999999999-01-01T00:00:00+18:00",
            "+999999999-12-31T23:45:00-18:00", "1999-12-31T23:00:00Z", "2101-01-01T00:00:00Z"})
        void refusesAnInstantWithoutOffsetOrThatDoesNotExistOrLiesOutsideTheYears(String value) {
            JsonFields f = one("start", json(value));

            assertThat(f.instant("start")).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("start",
                    "must be an ISO-8601 time with offset, such as 2027-03-29T10:00:00+02:00, in the years 2000 to 2100"));
        }

        @Test
        void requiresARequiredInstant() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.instant("start")).isNull();
            assertThat(errors(f)).containsExactly(new FieldError("start", "is required"));
        }

        @Test
        void readsADateIncludingALeapDay() {
            assertThat(one("day", json("2028-02-29")).optionalDate("day")).contains(LocalDate.of(2028, 2, 29));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2027-02-29", "2027-13-01", "2027-04-31", "29-03-2027", "2027/03/29", "2027-3-9",
            "20270329", "2027-03-29T10:00:00+02:00", "2027-03-29T00:00", "+999999999-12-31", "1999-12-31"})
        void refusesADateThatIsBadOrDoesNotExistSayingWhatADateLooksLike(String value) {
            JsonFields f = one("day", json(value));

            assertThat(f.optionalDate("day")).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("day",
                    "must be a date such as 2027-03-29, in the years 2000 to 2100"));
        }

        @Test
        void readsATimeOfDay() {
            assertThat(one("opens", json("08:30")).optionalTime("opens")).contains(LocalTime.of(8, 30));
            assertThat(one("opens", json("23:59:59")).optionalTime("opens")).contains(LocalTime.of(23, 59, 59));
        }

        @ParameterizedTest
        @ValueSource(strings = {"24:00", "8:30", "08.30", "25:00", "08:60", "half nine", "08:30+02:00",
            "08:30:00.000000001", "08:30 in the morning"})
        void refusesABadTimeOfDaySayingWhatATimeLooksLike(String value) {
            JsonFields f = one("opens", json(value));

            assertThat(f.optionalTime("opens")).isEmpty();
            assertThat(errors(f)).containsExactly(new FieldError("opens", "must be a time of day such as 08:30"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "UTC", "Etc/GMT-2"})
        void readsAnIanaTimeZone(String value) {
            JsonFields f = one("timeZone", json(value));

            assertThat(f.optionalZone("timeZone")).contains(ZoneId.of(value));
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Europe/Amsterdm", "Mars/Olympus_Mons", "CEST", "europe/amsterdam", "+02:00", "Z",
            "UTC+2", "GMT+01:00", "Europe/../Amsterdam"})
        void refusesWhatIsNotAnIanaTimeZone(String value) {
            JsonFields f = one("timeZone", json(value));

            assertThat(f.optionalZone("timeZone")).isEmpty();
            assertThat(errors(f)).containsExactly(
                    new FieldError("timeZone", "must be an IANA time zone such as Europe/Amsterdam"));
        }

        @Test
        void datesTimesAndZonesAreEmptyWithoutErrorWhenMissing() {
            JsonFields f = JsonBody.parse("{}");

            assertThat(f.optionalDate("day")).isEmpty();
            assertThat(f.optionalTime("opens")).isEmpty();
            assertThat(f.optionalZone("timeZone")).isEmpty();
            assertThat(f.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void aBlankDateTimeOrZoneIsAnErrorNotTheDefault(String blank) {
            // found from outside: "opens": "" quietly became the default 08:00 in a PUT
            JsonFields f = JsonBody.parse("{\"day\":" + json(blank) + ",\"opens\":" + json(blank)
                    + ",\"timeZone\":" + json(blank) + "}");

            assertThat(f.optionalDate("day")).isEmpty();
            assertThat(f.optionalTime("opens")).isEmpty();
            assertThat(f.optionalZone("timeZone")).isEmpty();
            assertThat(errors(f)).extracting(FieldError::field).containsExactly("day", "opens", "timeZone");
            assertThat(errors(f).get(1).message()).isEqualTo(
                    "must be a time of day such as 08:30; leave the field out for the default");
        }
    }

    @Nested
    class CollectingErrors {

        @Test
        void doneThrowsOneBadRequestNamingEveryBadFieldInOrder() {
            JsonFields f = JsonBody.parse("{\"name\":42,\"email\":\"nope\",\"seats\":1.5,\"tags\":[\"ok\",\"\"],"
                    + "\"homeAddress\":{\"city\":\"Del\\r\\nft\"},\"extra\":1}");

            f.only("name", "email", "seats", "tags", "homeAddress", "language");
            f.text("name", 100);
            f.email("email");
            f.integer("seats", 1, 100);
            f.textList("tags", 5, 10, false);
            f.optionalObject("homeAddress").ifPresent(a -> {
                a.text("line1", 100);
                a.text("city", 100);
            });
            f.text("language", 2);

            ProblemException e = catchThrowableOfType(ProblemException.class, f::done);
            assertThat(e).isNotNull();
            Problem p = e.problem();
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.type()).isEqualTo(Problem.BASE + "invalid-request");
            assertThat(p.detail()).isEqualTo("8 fields are invalid");
            assertThat(p.errors()).containsExactly(
                    new FieldError("extra", "is not a known field"),
                    new FieldError("name", "must be a string"),
                    new FieldError("email", "must be an e-mail address such as name@example.org"),
                    new FieldError("seats", "must be a whole number"),
                    new FieldError("tags[1]", "must be a non-empty string"),
                    new FieldError("homeAddress.line1", "is required"),
                    new FieldError("homeAddress.city", "must not contain control characters or line breaks"),
                    new FieldError("language", "is required"));
        }

        @Test
        void doneWithOneErrorPutsItInTheDetail() {
            JsonFields f = JsonBody.parse("{}");
            f.text("name", 10);

            ProblemException e = catchThrowableOfType(ProblemException.class, f::done);

            assertThat(e.problem().detail()).isEqualTo("name: is required");
        }

        @Test
        void doneDoesNothingWhenAllFieldsAreValid() {
            JsonFields f = JsonBody.parse("{\"name\":\"Anna\"}");
            f.text("name", 10);

            assertThat(f.valid()).isTrue();
            assertThatCode(f::done).doesNotThrowAnyException();
        }

        @Test
        void recordsARuleAcrossFieldsWithThePrefixOfItsObject() {
            JsonFields f = JsonBody.parse("{\"slot\":{\"start\":\"10:00\",\"end\":\"09:00\"}}");
            JsonFields slot = f.optionalObject("slot").orElseThrow();

            slot.error("end", "must be after start");

            assertThat(f.valid()).isFalse();
            assertThat(errors(f)).containsExactly(new FieldError("slot.end", "must be after start"));
        }

        @Test
        void theThrownErrorsDoNotChangeWhenMoreAreRecordedAfterwards() {
            JsonFields f = JsonBody.parse("{}");
            f.text("a", 1);
            ProblemException e = catchThrowableOfType(ProblemException.class, f::done);

            f.text("b", 1);

            assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("a");
        }
    }

    @Nested
    class ObjectLists {

        @Test
        void readsEachObjectAndNamesItsBadFieldsByIndex() {
            JsonFields f = JsonBody.parse("{\"lines\":[{\"itemId\":\"a\",\"quantity\":2},{\"itemId\":\"b\",\"quantity\":-1,\"x\":1}]}")
                    .only("lines");
            List<JsonFields> lines = f.objectList("lines", 10);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).only("itemId", "quantity").integer("quantity", 1, 9)).isEqualTo(2L);
            assertThat(lines.get(1).only("itemId", "quantity").integer("quantity", 1, 9)).isNull();
            assertThat(errors(f)).extracting(FieldError::field).containsExactlyInAnyOrder("lines[1].x", "lines[1].quantity");
        }

        @Test
        void refusesWhatIsNotAListOfObjectsOrTooLong() {
            JsonFields f = JsonBody.parse("{\"a\":{},\"b\":[1],\"c\":[{},{},{}]}");
            assertThat(f.objectList("a", 5)).isEmpty();
            assertThat(f.objectList("b", 5)).isEmpty();
            assertThat(f.objectList("c", 2)).isEmpty();
            assertThat(f.objectList("missing", 2)).isEmpty();
            assertThat(errors(f)).extracting(FieldError::field).containsExactly("a", "b[0]", "c");
        }
    }
}
