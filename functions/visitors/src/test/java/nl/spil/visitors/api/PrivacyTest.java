package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import nl.spil.visitors.schedule.PurgeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Retention with TTL and the daily purge, erasure with a receipt, export, and no personal data in any log line. */
class PrivacyTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(String visitId) {
        return FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.table())
                .key(Attrs.key("VISIT#" + visitId, "VISIT")).consistentRead(true).build()).item();
    }

    @Test
    void erasureRemovesTheVisitsAndEveryEmailNamingThemAndAnswersAReceipt() {
        String[] s = VisitsApiTest.siteWithHost();
        String email = VisitorsFunction.unique("erase") + "@example.com";
        JsonNode one = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"Eva Erased\",\"email\":\"" + email + "\"}", "staff").json().path("items").get(0);
        JsonNode two = FN.register(s[2], s[0], "2027-04-02T10:00:00+02:00", null,
                "{\"name\":\"Eva Erased\",\"email\":\"" + email.toUpperCase() + "\"}", "staff").json().path("items").get(0);
        assertThat(FN.checkInByCode(s[0], one.path("checkInCode").asText(), 1, "Eva").status()).isEqualTo(200);
        String first = one.path("id").asText();

        HttpAnswer export = FN.send(FN.event("export-visitor.json").queryParameter("email", email));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.json().path("visits")).hasSize(2);
        assertThat(export.json().path("visits").get(0).path("houseRulesAccepted").path("typedName").asText()).isEqualTo("Eva");

        HttpAnswer receipt = FN.send(FN.event("erase-visitor.json").body("{\"email\":\"" + email + "\"}"));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().path("visits").asInt()).isEqualTo(2);
        // two invitations, two host confirmations, one arrival
        assertThat(receipt.json().path("outboxItems").asInt()).isEqualTo(5);
        assertThat(receipt.json().path("s3Objects").asInt()).isZero();
        assertThat(receipt.body()).doesNotContain("Eva", email);
        assertThat(item(first)).isEmpty();
        assertThat(item(two.path("id").asText())).isEmpty();
        assertThat(FN.mail("visitors:invitation:" + first + ":1")).isEmpty();
        assertThat(FN.mail("visitors:arrived:" + first)).isEmpty();
        assertThat(FN.onSite(s[0]).json().path("count").asInt()).isZero();
        assertThat(FN.send(FN.event("export-visitor.json").queryParameter("email", email)).json().path("visits")).isEmpty();
        // the statistics stay: they name nobody
        assertThat(FN.send(FN.event("visitors-report.json").queryParameter("site", s[0]).queryParameter("from", "2027-03-29")
                .queryParameter("to", "2027-03-29")).json().path("arrived").asInt()).isEqualTo(1);
        assertThat(FN.send(FN.event("erase-visitor.json").body("{\"visitId\":\"01JNOSUCHVISIT0000000000000\"}")).status()).isEqualTo(404);
    }

    @Test
    void personalDataCarriesTheSitesRetentionAndThePurgeRemovesWhatTtlLeft() {
        String[] s = VisitsApiTest.siteWithHost();
        HttpAnswer settings = FN.send(FN.event("write-visitor-settings.json").pathParameter("id", s[0])
                .path("/sites/" + s[0] + "/visitor-settings").body("{\"version\":0,\"address\":\"Kade 1\\nAmsterdam\",\"retentionDays\":1}"));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        JsonNode v = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"Kort Bewaard\",\"email\":\"kort@example.com\"}", "staff").json().path("items").get(0);
        String id = v.path("id").asText();
        assertThat(FN.mail("visitors:invitation:" + id + ":1").orElseThrow().message().content().text()).contains("Kade 1");
        // the end of 29 March in Amsterdam, plus one day
        assertThat(Attrs.num(item(id), "expiresAt")).isEqualTo(Instant.parse("2027-03-30T22:00:00Z").getEpochSecond());

        PurgeHandler purge = new PurgeHandler();
        try {
            Map<String, Object> before = purge.handleRequest(Map.of("scheduledTime", "2027-03-30T21:00:00Z"),
                    TestContext.forFunction(FN.aws.template(), "VisitorsPurgeFunction"));
            assertThat(item(id)).isNotEmpty();
            Map<String, Object> after = purge.handleRequest(Map.of("scheduledTime", "2027-03-31T01:30:00Z"),
                    TestContext.forFunction(FN.aws.template(), "VisitorsPurgeFunction"));
            assertThat((Integer) after.get("visits")).isGreaterThanOrEqualTo(1);
            assertThat(item(id)).isEmpty();
            assertThat(FN.mail("visitors:invitation:" + id + ":1")).isEmpty();
            Map<String, Object> again = purge.handleRequest(Map.of("scheduledTime", "2027-03-31T01:30:00Z"),
                    TestContext.forFunction(FN.aws.template(), "VisitorsPurgeFunction"));
            assertThat(again.get("visits")).isEqualTo(0);
            assertThat(before.get("tick")).isEqualTo("2027-03-30T21:00:00Z");
        } finally {
            purge.close();
        }
    }

    @Test
    void noLogLineOfAWholeVisitNamesTheVisitor() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String email = VisitorsFunction.unique("private") + "@example.com";
        System.setOut(both);
        System.setErr(both);
        try {
            LoggerFactory.getLogger(PrivacyTest.class).info("canary: the capture sees the function's logger");
            String[] s = VisitsApiTest.siteWithHost();
            JsonNode v = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null,
                    "{\"name\":\"Zoë Geheim\",\"company\":\"Stilte BV\",\"email\":\"" + email + "\"}", "staff").json().path("items").get(0);
            String id = v.path("id").asText();
            FN.send(FN.event("list-visits.json").queryParameter("site", s[0]).queryParameter("q", "geheim"));
            for (int i = 0; i < 10; i++) {
                FN.checkInByCode(s[0], "WRNG-COD" + (i + 2), 1, "Zoë Geheim"); // ends in a lock-out, which is logged
            }
            TestClock.INSTANCE.set(Instant.parse("2027-03-29T06:11:00Z"));
            FN.send(FN.event("add-to-blocklist.json").body("{\"name\":\"Zoë Geheim\",\"reason\":\"test\",\"until\":\"2027-12-31\"}"));
            FN.checkInByCode(s[0], v.path("checkInCode").asText(), 1, "Zoë Geheim"); // refused and logged
            FN.send(FN.event("badge.json").pathParameter("id", id).path("/visits/" + id + "/badge"));
            FN.onSite(s[0]);
            FN.send(FN.event("erase-visitor.json").body("{\"email\":\"" + email + "\"}"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("canary", "refused: block-list entry", "locked out", "erasure");
        assertThat(logs).doesNotContainIgnoringCase("Geheim").doesNotContain("Zoë", "Stilte", email);
    }
}
