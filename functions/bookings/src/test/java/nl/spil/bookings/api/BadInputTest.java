package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
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
                Arguments.of("a year far outside the calendar", "{\"resourceId\":\"R\",\"start\":\"-999999999-01-01T00:00:00+18:00\",\"end\":\"+999999999-12-31T23:45:00-18:00\",\"title\":\"T\"}", 400, List.of("start", "end")),
                Arguments.of("a repeat rule with INTERVAL=0", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\",\"recurrence\":{\"rule\":\"FREQ=WEEKLY;INTERVAL=0;COUNT=3\"}}", 400, List.of("recurrence.rule")),
                Arguments.of("a repeat rule with COUNT=0", "{\"resourceId\":\"R\",\"start\":\"2027-03-23T10:00:00+01:00\",\"end\":\"2027-03-23T11:00:00+01:00\",\"title\":\"T\",\"recurrence\":{\"rule\":\"FREQ=WEEKLY;COUNT=0\"}}", 400, List.of("recurrence.rule")),
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
                Arguments.of("empty opening and closing times", "{\"siteId\":\"S\",\"type\":\"room\",\"name\":\"X\",\"capacity\":2,\"rules\":{\"opens\":\"\",\"closes\":\" \"}}", List.of("rules.opens")),
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

    /** Every date and time a query takes, far outside the calendar: a 400 naming it, never a 500. */
    static Stream<Arguments> farOffQueries() {
        String far = "-999999999-01-01T00:00:00+18:00";
        String farAhead = "+999999999-12-31T23:45:00-18:00";
        return Stream.of(
                Arguments.of("availability.json", "start", far), Arguments.of("availability.json", "end", farAhead),
                Arguments.of("list-bookings.json", "from", far), Arguments.of("list-bookings.json", "to", farAhead),
                Arguments.of("resource-agenda.json", "from", far), Arguments.of("resource-agenda.json", "to", farAhead),
                Arguments.of("day-overview.json", "date", "+999999999-12-31"), Arguments.of("day-overview.json", "date", "1999-12-31"),
                Arguments.of("list-bookings.json", "from", "2101-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @MethodSource("farOffQueries")
    void aDateOrTimeOutsideTheYearsSpilKnowsIsA400NamingIt(String event, String name, String value) {
        HttpEvent request = BookingsFunction.event(event).queryParameter(name, value);
        if (event.equals("availability.json")) {
            request.queryParameter("site", siteOf(room)); // a site with rooms: the times are really used
        }
        if (event.equals("resource-agenda.json")) {
            request.pathParameter("id", room).path("/resources/" + room + "/agenda");
        }
        HttpAnswer answer = FN.send(request);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemFields()).containsExactly(name);
        assertThat(answer.json().path("errors").get(0).path("message").asText()).contains("2000 to 2100");
    }

    @Test
    void aResourceListsCursorServesOnlyTheSameSiteAndType() {
        String site = FN.site("Europe/Amsterdam");
        String other = FN.site("Europe/Amsterdam");
        FN.room(site, 2, "", null);
        FN.room(site, 2, "", null);
        FN.room(other, 2, "", null);
        HttpAnswer first = FN.send(BookingsFunction.event("list-resources.json").queryParameter("site", site)
                .queryParameter("limit", "1"));
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        assertThat(FN.send(BookingsFunction.event("list-resources.json").queryParameter("site", site)
                .queryParameter("limit", "1").queryParameter("cursor", cursor)).status()).isEqualTo(200);
        for (String[] foreign : List.of(new String[] {other, "room"}, new String[] {site, "desk"}, new String[] {site, null})) {
            HttpAnswer answer = FN.send(BookingsFunction.event("list-resources.json").queryParameter("site", foreign[0])
                    .queryParameter("type", foreign[1]).queryParameter("limit", "1").queryParameter("cursor", cursor));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.problemFields()).containsExactly("cursor");
        }
    }

    private static String siteOf(String resourceId) {
        return FN.send(BookingsFunction.event("get-resource.json").pathParameter("id", resourceId).path("/resources/" + resourceId))
                .json().path("siteId").asText();
    }

    private static int items() {
        return FN.aws.dynamoDb().scan(ScanRequest.builder().tableName(FN.table()).select(Select.COUNT).build()).count();
    }
}
