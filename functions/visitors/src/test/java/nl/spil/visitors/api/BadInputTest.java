package nl.spil.visitors.api;

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

/** Every bad input on the visitors routes is a 4xx problem+json naming the field, and changes nothing. */
class BadInputTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();
    private static String[] site;
    private static String visitId;

    @BeforeAll
    static void aSiteAndAVisit() {
        site = VisitsApiTest.siteWithHost();
        visitId = FN.register(site[2], site[0], "2027-03-30T10:00:00+02:00", null, "{\"name\":\"Bad Input\"}", "staff")
                .json().path("items").get(0).path("id").asText();
    }

    static Stream<Arguments> badBodies() {
        String ok = "\"siteId\":\"S\",\"expectedAt\":\"2027-03-30T10:00:00+02:00\"";
        return Stream.of(
                Arguments.of("register", "empty body", "", 400, List.of("body")),
                Arguments.of("register", "not JSON", "{siteId:", 400, List.of("body")),
                Arguments.of("register", "missing fields", "{}", 400, List.of("siteId", "expectedAt", "visitors")),
                Arguments.of("register", "wrong types", "{\"siteId\":1,\"expectedAt\":true,\"minutes\":\"x\",\"visitors\":{}}", 400,
                        List.of("siteId", "expectedAt", "minutes", "visitors")),
                Arguments.of("register", "unknown field", "{" + ok + ",\"visitors\":[{\"name\":\"A\",\"age\":3}],\"x\":1}", 400, List.of("x", "visitors[0].age")),
                Arguments.of("register", "no visitors", "{" + ok + ",\"visitors\":[]}", 400, List.of("visitors")),
                Arguments.of("register", "CRLF in a name", "{" + ok + ",\"visitors\":[{\"name\":\"A\\r\\nBcc: x@evil.example\"}]}", 400, List.of("visitors[0].name")),
                Arguments.of("register", "bad e-mail and language", "{" + ok + ",\"visitors\":[{\"name\":\"A\",\"email\":\"a@\",\"language\":\"de\"}]}", 400,
                        List.of("visitors[0].email", "visitors[0].language")),
                Arguments.of("register", "free-text purpose", "{" + ok + ",\"purpose\":\"interview met Jan\",\"visitors\":[{\"name\":\"A\"}]}", 400, List.of("purpose")),
                Arguments.of("register", "far-off date", "{\"siteId\":\"S\",\"expectedAt\":\"+999999999-12-31T23:45:00-18:00\",\"visitors\":[{\"name\":\"A\"}]}", 400, List.of("expectedAt")),
                Arguments.of("register", "too long", "{" + ok + ",\"minutes\":1441,\"visitors\":[{\"name\":\"A\"}]}", 400, List.of("minutes")),
                Arguments.of("register", "unknown site", "{\"siteId\":\"nope\",\"expectedAt\":\"2027-03-30T10:00:00+02:00\",\"visitors\":[{\"name\":\"A\"}]}", 400, List.of("siteId")),
                Arguments.of("register", "a day that has passed", "{" + ok.replace("03-30", "03-28") + ",\"visitors\":[{\"name\":\"A\"}]}", 422, List.of()),
                Arguments.of("register", "unknown host", "{" + ok + ",\"hostId\":\"01JNOBODY\",\"visitors\":[{\"name\":\"A\"}]}", 403, List.of()),
                Arguments.of("register", "huge body", "{\"siteId\":\"" + "x".repeat(300_000) + "\"}", 413, List.of()),
                Arguments.of("check-in", "no acceptance", "{\"siteId\":\"S\",\"code\":\"ABCD2345\"}", 400, List.of("houseRules")),
                Arguments.of("check-in", "bad acceptance", "{\"siteId\":\"S\",\"code\":\"ABCD2345\",\"houseRules\":{\"version\":-1,\"typedName\":\"\"}}", 400,
                        List.of("houseRules.version", "houseRules.typedName")),
                Arguments.of("house-rules", "no texts", "{\"version\":0}", 400, List.of("texts")),
                Arguments.of("house-rules", "other language", "{\"version\":0,\"texts\":{\"de\":\"Regeln\"}}", 400, List.of("texts.de")),
                Arguments.of("block", "no until", "{\"name\":\"A\",\"reason\":\"r\"}", 400, List.of("until")),
                Arguments.of("block", "bad until", "{\"name\":\"A\",\"reason\":\"r\",\"until\":\"2027-02-30\"}", 400, List.of("until")),
                Arguments.of("block", "until passed", "{\"name\":\"A\",\"reason\":\"r\",\"until\":\"2027-01-01\"}", 422, List.of()),
                Arguments.of("erasure", "nothing named", "{}", 400, List.of("email")),
                Arguments.of("erasure", "bad id", "{\"visitId\":\"a#b\"}", 400, List.of("visitId")),
                Arguments.of("settings", "retention out of range", "{\"version\":0,\"retentionDays\":366}", 400, List.of("retentionDays")),
                Arguments.of("change", "no version", "{\"minutes\":30}", 400, List.of("version")),
                Arguments.of("change", "stale version", "{\"version\":7,\"minutes\":30}", 412, List.of()));
    }

    private static HttpEvent route(String which) {
        return switch (which) {
            case "register" -> VisitorsFunction.as(FN.event("register-visit.json").header("idempotency-key", null), site[2], "staff");
            case "check-in" -> FN.event("check-in-by-code.json");
            case "house-rules" -> FN.event("write-house-rules.json").pathParameter("id", site[0]).path("/sites/" + site[0] + "/house-rules");
            case "block" -> FN.event("add-to-blocklist.json");
            case "erasure" -> FN.event("erase-visitor.json");
            case "settings" -> FN.event("write-visitor-settings.json").pathParameter("id", site[0]).path("/sites/" + site[0] + "/visitor-settings");
            case "change" -> VisitorsFunction.as(FN.event("change-visit.json").pathParameter("id", visitId).path("/visits/" + visitId), site[2], "staff");
            default -> throw new IllegalArgumentException(which);
        };
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedAndNothingChanges(String which, String what, String body, int status, List<String> fields) {
        int before = FN.items();
        HttpAnswer answer = FN.send(route(which).body(body.replace("\"S\"", "\"" + site[0] + "\"")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        if (!fields.isEmpty()) {
            assertThat(answer.problemFields()).as(answer.toString()).containsAll(fields);
        }
        assertThat(FN.items()).isEqualTo(before);
    }

    @Test
    void badQueriesAre400NamingTheParameter() {
        for (String[] q : List.of(new String[] {"site", "a#b"}, new String[] {"date", "2027-02-30"}, new String[] {"limit", "0"},
                new String[] {"cursor", "forged.cursor"}, new String[] {"q", "a\u0007"})) {
            HttpEvent e = FN.event("list-visits.json").queryParameter("site", site[0]).queryParameter(q[0], q[1]);
            HttpAnswer answer = FN.send(e);
            assertThat(answer.status()).as(q[0] + " " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(FN.send(FN.event("visitors-report.json").queryParameter("site", site[0]).queryParameter("from", "2027-03-31")
                .queryParameter("to", "2027-03-01")).problemFields()).containsExactly("to");
        assertThat(FN.send(FN.event("export-visitor.json").queryParameter("email", "not-an-address")).problemFields()).containsExactly("email");
        assertThat(FN.send(FN.event("on-site.json").pathParameter("id", site[0]).path("/sites/" + site[0] + "/on-site")
                .queryParameter("format", "xml")).problemFields()).containsExactly("format");
        assertThat(FN.send(FN.event("find-host.json").queryParameter("site", site[0]).queryParameter("q", null)).problemFields())
                .containsExactly("q");
    }
}
