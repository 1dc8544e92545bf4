package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Bad input is a 4xx problem+json naming the field, never a 500, and writes nothing. */
class BadInputTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static String room;

    @BeforeAll
    static void aRoom() {
        room = FN.room(FN.site("Europe/Amsterdam"), 4, "", null);
    }

    static Stream<Arguments> badBookings() {
        return Stream.of(
                Arguments.of("empty body", "", 400, List.of("body")),
                Arguments.of("not JSON", "{resourceId:", 400, List.of("body")),
                Arguments.of("missing fields", "{}", 400, List.of("resourceId", "start", "end", "title")),
                Arguments.of("wrong types", "{\"resourceId\":1,\"start\":true,\"end\":[],\"title\":{}}", 400,
                        List.of("resourceId", "start", "end", "title")),
                Arguments.of("unknown field", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\",\"room\":1}", 400, List.of("room")),
                Arguments.of("date without offset", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\"}", 400, List.of("start")),
                Arguments.of("impossible date", "{\"resourceId\":\"R\",\"start\":\"2027-02-30T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\"}", 400, List.of("start")),
                Arguments.of("end before start", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T11:00:00+01:00\",\"end\":\"2027-03-23T10:00:00+01:00\",\"title\":\"T\"}", 400, List.of("end")),
                Arguments.of("CRLF in the title", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"A\\r\\nBcc: x@evil.example\"}", 400, List.of("title")),
                Arguments.of("control character in notes", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\",\"notes\":\"a\\u0007\"}", 400, List.of("notes")),
                Arguments.of("unknown resource", "{\"resourceId\":\"nope\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\"}", 400, List.of("resourceId")),
                Arguments.of("huge body", "{\"title\":\"" + "x".repeat(70_000) + "\"}", 413, List.of()));
    }

    @ParameterizedTest(name = "POST /bookings with {0}")
    @MethodSource("badBookings")
    void aBadBookingIsRefusedAndNothingIsWritten(String what, String body, int status, List<String> fields) {
        int before = items();
        HttpAnswer answer = FN.send(BookingsFunction.event("create-booking.json").header("idempotency-key", null)
                .body(body.replace("\"R\"", "\"" + room + "\"")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        if (!fields.isEmpty()) {
            assertThat(answer.problemFields()).as(answer.toString()).containsAll(fields);
        }
        assertThat(items()).isEqualTo(before);
    }

    static Stream<Arguments> badResources() {
        return Stream.of(
                Arguments.of("unknown site", "{\"siteId\":\"nope\",\"type\":\"room\",\"name\":\"X\",\"capacity\":2}", List.of("siteId")),
                Arguments.of("bad type and capacity", "{\"siteId\":\"S\",\"type\":\"hall\",\"name\":\"X\",\"capacity\":0}", List.of("type", "capacity")),
                Arguments.of("bad feature", "{\"siteId\":\"S\",\"type\":\"room\",\"name\":\"X\",\"capacity\":2,\"features\":[\"Video!\"]}", List.of("features[0]")),
                Arguments.of("bad rules", "{\"siteId\":\"S\",\"type\":\"room\",\"name\":\"X\",\"capacity\":2,\"rules\":{\"maxMinutes\":6000,\"opens\":\"19:00\",\"closes\":\"08:00\",\"days\":[\"maandag\"]}}",
                        List.of("rules.maxMinutes", "rules.days[0]")),
                Arguments.of("closing before opening", "{\"siteId\":\"S\",\"type\":\"room\",\"name\":\"X\",\"capacity\":2,\"rules\":{\"opens\":\"19:00\",\"closes\":\"08:00\"}}", List.of("rules.closes")));
    }

    @ParameterizedTest(name = "POST /resources with {0}")
    @MethodSource("badResources")
    void aBadResourceIsRefused(String what, String body, List<String> fields) {
        int before = items();
        HttpAnswer answer = FN.send(BookingsFunction.event("create-resource.json").header("idempotency-key", null).body(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemFields()).as(answer.toString()).containsAll(fields);
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void badQueriesAre400NamingTheParameter() {
        for (String[] q : List.of(new String[] {"from", "yesterday"}, new String[] {"to", "2027-13-01T00:00:00Z"},
                new String[] {"limit", "0"}, new String[] {"cursor", "forged.cursor"})) {
            HttpAnswer answer = FN.send(BookingsFunction.event("list-bookings.json").queryParameter(q[0], q[1]));
            assertThat(answer.status()).as(q[0] + "=" + q[1]).isEqualTo(400);
            assertThat(answer.problemFields()).containsExactly(q[0]);
        }
        for (String[] q : List.of(new String[] {"capacity", "many"}, new String[] {"type", "hall"},
                new String[] {"features", "Video!"}, new String[] {"end", "2027-03-30T11:00:00+02:00"})) {
            HttpAnswer answer = FN.send(BookingsFunction.event("availability.json").queryParameter("site",
                    FN.site("Europe/Amsterdam")).queryParameter(q[0], q[1]));
            if (q[0].equals("end")) {
                continue; // no resources at a fresh site: nothing to search, answered 200 below
            }
            assertThat(answer.status()).as(q[0] + "=" + q[1]).isEqualTo(400);
            assertThat(answer.problemFields()).containsExactly(q[0]);
        }
        HttpAnswer span = FN.send(BookingsFunction.event("availability.json").queryParameter("site", siteOf(room))
                .queryParameter("end", "2027-03-30T11:00:00+02:00"));
        assertThat(span.status()).as(span.toString()).isEqualTo(400);
        assertThat(span.problemFields()).containsExactly("end");
        HttpAnswer tooLong = FN.send(BookingsFunction.event("list-bookings.json").queryParameter("to", "2029-01-01T00:00:00Z"));
        assertThat(tooLong.status()).isEqualTo(400);
    }

    private static String siteOf(String resourceId) {
        return FN.send(BookingsFunction.event("get-resource.json").pathParameter("id", resourceId).path("/resources/" + resourceId))
                .json().path("siteId").asText();
    }

    private static int items() {
        return FN.aws.dynamoDb().scan(ScanRequest.builder().tableName(FN.table()).select(Select.COUNT).build()).count();
    }
}
