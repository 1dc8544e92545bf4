package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import nl.spil.visitors.schedule.DayEndHandler;
import nl.spil.visitors.schedule.PurgeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A group as reception registers it, a change and a cancellation the visitor is told of, kiosk check-out, rules history, schedule inputs. */
class KioskAndChangesTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void receptionRegistersAGroupForAHostAndTheKioskChecksOneOut() {
        String[] s = VisitsApiTest.siteWithHost();
        String body = FN.event("register-group.json").build().getBody().replace("01JSITE00000000000000000001", s[0])
                .replace("01JPERSON000000000000000001", s[1]).replace("2027-03-29T14:00", "2027-03-29T09:00");
        HttpAnswer group = FN.send(FN.event("register-group.json").header("idempotency-key", VisitorsFunction.unique("key")).body(body));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        JsonNode items = group.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("groupId").asText()).isEqualTo(items.get(1).path("groupId").asText());
        assertThat(items.get(0).path("id").asText()).endsWith("-01");
        assertThat(items.get(0).path("host").path("id").asText()).isEqualTo(s[1]);
        // Anna has an e-mail address: invited in the host's language; Bram has none: no invitation
        assertThat(FN.mail("visitors:invitation:" + items.get(0).path("id").asText() + ":1").orElseThrow()
                .message().content().subject()).startsWith("Invitation:");
        assertThat(FN.mail("visitors:invitation:" + items.get(1).path("id").asText() + ":1")).isEmpty();

        String code = items.get(1).path("checkInCode").asText();
        assertThat(FN.checkInByCode(s[0], code, 1, "Bram").status()).isEqualTo(200);
        HttpAnswer out = FN.send(FN.event("check-out-by-code.json").body("{\"siteId\":\"" + s[0] + "\",\"code\":\"" + code + "\"}"));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().path("status").asText()).isEqualTo("checked-out");
        assertThat(FN.send(FN.event("check-out-by-code.json").body("{\"siteId\":\"" + s[0] + "\",\"code\":\"" + code + "\"}")).status())
                .isEqualTo(409);
    }

    @Test
    void aChangeAndACancellationAreMailedToTheVisitor() {
        String[] s = VisitsApiTest.siteWithHost();
        JsonNode v = FN.register(s[2], s[0], "2027-03-30T10:00:00+02:00", null,
                "{\"name\":\"Cor Veranderd\",\"email\":\"cor@example.com\",\"language\":\"nl\"}", "staff").json().path("items").get(0);
        String id = v.path("id").asText();
        HttpAnswer changed = FN.send(VisitorsFunction.as(FN.event("change-visit.json"), s[2], "staff").pathParameter("id", id)
                .path("/visits/" + id).body("{\"version\":1,\"expectedAt\":\"2027-03-31T11:00:00+02:00\"}"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String newCode = changed.json().path("checkInCode").asText();
        assertThat(FN.mail("visitors:invitation:" + id + ":2").orElseThrow().message().content().subject()).startsWith("Gewijzigd:");
        assertThat(FN.mail("visitors:invitation:" + id + ":2").orElseThrow().message().content().text()).contains(newCode);
        // the code moved to its new day: the kiosk finds it there, not on the old one
        TestClock.INSTANCE.set(java.time.Instant.parse("2027-03-31T07:00:00Z"));
        assertThat(FN.send(FN.event("list-visits.json").queryParameter("site", s[0]).queryParameter("date", "2027-03-31"))
                .json().path("items").findValuesAsText("id")).contains(id);
        TestClock.INSTANCE.reset();

        HttpAnswer cancelled = FN.send(VisitorsFunction.as(FN.event("cancel-visit.json"), s[2], "staff").pathParameter("id", id)
                .path("/visits/" + id));
        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(FN.mail("visitors:cancelled:" + id).orElseThrow().message().content().subject()).startsWith("Geannuleerd:");
        assertThat(FN.get(id, s[2], "staff").json().path("status").asText()).isEqualTo("cancelled");
        assertThat(FN.send(VisitorsFunction.as(FN.event("cancel-visit.json"), s[2], "staff").pathParameter("id", id)
                .path("/visits/" + id)).status()).isEqualTo(409);
    }

    @Test
    void houseRulesKeepTheirHistoryAndSettingsTheirDefaults() {
        String[] s = VisitsApiTest.siteWithHost();
        assertThat(FN.houseRules(s[0], 0, "x", "y").status()).isEqualTo(409);
        assertThat(FN.houseRules(s[0], 1, "Nieuwe regels.", "New rules.").json().path("version").asInt()).isEqualTo(2);
        HttpAnswer current = FN.send(FN.event("get-house-rules.json").pathParameter("id", s[0]).path("/sites/" + s[0] + "/house-rules"));
        assertThat(current.json().path("version").asInt()).isEqualTo(2);
        assertThat(current.json().path("texts").path("en").asText()).isEqualTo("New rules.");
        HttpAnswer first = FN.send(FN.event("get-house-rules.json").pathParameter("id", s[0]).path("/sites/" + s[0] + "/house-rules")
                .queryParameter("version", "1"));
        assertThat(first.json().path("texts").path("en").asText()).isEqualTo("Wear your badge.");
        HttpAnswer settings = FN.send(FN.event("get-visitor-settings.json").pathParameter("id", s[0]).path("/sites/" + s[0] + "/visitor-settings"));
        assertThat(settings.json().path("retentionDays").asInt()).isEqualTo(30);
        assertThat(settings.json().path("version").asInt()).isZero();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theSchedulesReadTheirTickFromTheirInput() {
        DayEndHandler dayEnd = new DayEndHandler();
        PurgeHandler purge = new PurgeHandler();
        try {
            assertThat(dayEnd.handleRequest(Events.load("visitors/day-end.json", Map.class),
                    TestContext.forFunction(FN.aws.template(), "VisitorsDayEndFunction")).get("tick")).isEqualTo("2027-03-29T17:00:00Z");
            assertThat(purge.handleRequest(Events.load("visitors/purge.json", Map.class),
                    TestContext.forFunction(FN.aws.template(), "VisitorsPurgeFunction")).get("tick")).isEqualTo("2027-05-01T01:30:00Z");
        } finally {
            dayEnd.close();
            purge.close();
        }
    }
}
