package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/** The block list at registration (held for review, host sees only "pending review") and at check-in (kiosk sends to the desk). */
class BlockListTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();

    private static HttpAnswer block(String name, String email, String until) {
        return FN.send(FN.event("add-to-blocklist.json").body("{\"name\":\"" + name + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"")
                + ",\"reason\":\"Threatened staff\",\"until\":\"" + until + "\"}"));
    }

    @Test
    void aMatchAtRegistrationWaitsForTheOfficeManagersReview() {
        String[] s = VisitsApiTest.siteWithHost();
        String name = VisitorsFunction.unique("Victor Verboden");
        HttpAnswer entry = block(name, null, "2027-12-31");
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);

        // the same name in other case and with an accent is the same name
        HttpAnswer registered = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"" + name.toUpperCase().replace("E", "É") + "\",\"email\":\"vv@example.com\"}", "staff");
        assertThat(registered.status()).isEqualTo(201);
        JsonNode forHost = registered.json().path("items").get(0);
        String id = forHost.path("id").asText();
        assertThat(forHost.path("status").asText()).isEqualTo("pending-review");
        assertThat(forHost.has("blockListMatch")).isFalse();
        assertThat(registered.body()).doesNotContain("Threatened");
        assertThat(FN.mail("visitors:invitation:" + id + ":1")).isEmpty();

        JsonNode forManager = FN.send(FN.event("get-visit.json").claim("email", "olga@example.org").groups("office-manager")
                .pathParameter("id", id).path("/visits/" + id)).json();
        assertThat(forManager.path("status").asText()).isEqualTo("needs-review");
        assertThat(forManager.path("blockListMatch").asBoolean()).isTrue();
        var review = FN.mail("visitors:review:" + id + ":" + managerOf(s[0])).orElseThrow();
        assertThat(review.message().content().text()).contains("Threatened staff");

        // the office manager finds it among the site's held visits, and only there
        assertThat(held(s[0])).containsExactly(id);
        assertThat(held(VisitsApiTest.siteWithHost()[0])).isEmpty();

        String code = forHost.path("checkInCode").asText();
        HttpAnswer kiosk = FN.checkInByCode(s[0], code, 1, "V");
        assertThat(kiosk.status()).isEqualTo(422);
        assertThat(kiosk.json().path("type").asText()).endsWith("/visitor-see-reception");

        HttpAnswer approved = FN.send(FN.event("review-visit.json").pathParameter("id", id).path("/visits/" + id + "/review"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("expected");
        assertThat(approved.json().path("review").path("approved").asBoolean()).isTrue();
        assertThat(approved.json().path("review").path("by").asText()).isEqualTo("7c3e2a4d-9f5b-4a8c-8d1e-2f3a4b5c6d7e");
        assertThat(approved.json().path("review").path("why").asText()).startsWith("Known supplier");
        assertThat(FN.mail("visitors:invitation:" + id + ":1")).isPresent();
        assertThat(FN.mail("visitors:reviewed:" + id).orElseThrow().message().to().address()).isEqualTo(s[2]);
        assertThat(held(s[0])).as("an approved visit is held no longer").isEmpty();
        // the override stands at the kiosk too
        assertThat(FN.checkInByCode(s[0], code, 1, "V").status()).isEqualTo(200);
    }

    @Test
    void aMatchAtCheckInSendsTheVisitorToTheDeskAndAlertsReceptionAndTheOfficeManager() {
        String[] s = VisitsApiTest.siteWithHost();
        String email = VisitorsFunction.unique("late") + "@example.com";
        JsonNode v = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"Late Match\",\"email\":\"" + email + "\"}", "staff").json().path("items").get(0);
        String id = v.path("id").asText();
        String entryId = block("Someone Else", email, "2027-12-31").json().path("id").asText();

        HttpAnswer kiosk = FN.checkInByCode(s[0], v.path("checkInCode").asText(), 1, "Late Match");
        assertThat(kiosk.status()).as(kiosk.toString()).isEqualTo(422);
        assertThat(kiosk.json().path("type").asText()).endsWith("/visitor-see-reception");
        assertThat(kiosk.body()).doesNotContain("Threatened", "Someone Else");
        JsonNode now = FN.send(FN.event("get-visit.json").claim("email", "olga@example.org").groups("office-manager")
                .pathParameter("id", id).path("/visits/" + id)).json();
        assertThat(now.path("status").asText()).isEqualTo("expected");
        assertThat(now.path("blockListMatch").asBoolean()).isTrue();
        var directory = FN.context().getBean(nl.spil.visitors.app.HostDirectory.class);
        for (String role : new String[] {"reception", "office-manager"}) {
            var person = directory.withRole(s[0], role).get(0);
            var alert = FN.mail("visitors:block-alert:" + id + ":" + person.personId() + ":2").orElseThrow();
            assertThat(alert.message().to().address()).isEqualTo(person.email());
            assertThat(alert.message().content().text()).contains("Late Match", "Threatened staff");
        }
        assertThat(FN.onSite(s[0]).json().path("count").asInt()).isZero();

        // taken off the list, the visitor checks in
        assertThat(FN.send(FN.event("remove-from-blocklist.json").pathParameter("id", entryId)
                .path("/visitor-blocklist/" + entryId)).status()).isEqualTo(204);
        assertThat(FN.checkInByCode(s[0], v.path("checkInCode").asText(), 1, "Late Match").status()).isEqualTo(200);
        assertThat(FN.send(FN.event("list-blocklist.json")).body()).doesNotContain(entryId);
    }

    private static java.util.List<String> held(String siteId) {
        HttpAnswer answer = FN.send(FN.event("visits-needing-review.json").queryParameter("site", siteId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        answer.json().path("items").forEach(v -> {
            assertThat(v.path("status").asText()).isEqualTo("needs-review");
            ids.add(v.path("id").asText());
        });
        return ids;
    }

    private static String managerOf(String siteId) {
        return FN.context().getBean(nl.spil.visitors.app.HostDirectory.class).withRole(siteId, "office-manager").get(0).personId();
    }
}
