package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.spil.testkit.Events;
import nl.spil.testkit.TestContext;
import nl.spil.visitors.events.PersonLeftHandler;
import org.junit.jupiter.api.Test;

/** The directory's PersonLeft: the leaver's visits to come are handed to the site's office manager, once. */
class PersonLeftTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();

    @SuppressWarnings("unchecked")
    @Test
    void aLeaversVisitsToComeGoToTheOfficeManager() throws Exception {
        String[] s = VisitsApiTest.siteWithHost();
        String a = FN.register(s[2], s[0], "2027-03-30T10:00:00+02:00", null, "{\"name\":\"Ad Later\"}", "staff")
                .json().path("items").get(0).path("id").asText();
        String b = FN.register(s[2], s[0], "2027-04-06T10:00:00+02:00", null, "{\"name\":\"Bo Later\"}", "staff")
                .json().path("items").get(0).path("id").asText();
        String json = java.nio.file.Files.readString(Events.folder().resolve("visitors/person-left.json")).replace("01JPERSON000000000000000001", s[1]);
        Map<String, Object> event = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        PersonLeftHandler handler = new PersonLeftHandler();
        try {
            var context = TestContext.forFunction(FN.aws.template(), "VisitorsPersonLeftFunction");
            assertThat(handler.handleRequest(event, context).get("handedOver")).isEqualTo(2);
            assertThat(handler.handleRequest(event, context).get("handedOver")).isEqualTo(0);
        } finally {
            handler.close();
        }
        String manager = FN.context().getBean(nl.spil.visitors.app.HostDirectory.class).withRole(s[0], "office-manager").get(0).personId();
        for (String id : new String[] {a, b}) {
            var visit = FN.send(FN.event("get-visit.json").claim("email", "olga@example.org").groups("office-manager")
                    .pathParameter("id", id).path("/visits/" + id)).json();
            assertThat(visit.path("host").path("id").asText()).isEqualTo(manager);
            assertThat(visit.path("status").asText()).isEqualTo("expected");
        }
        var told = FN.mail("visitors:handed-over:" + s[1] + ":" + manager).orElseThrow();
        assertThat(told.message().content().text()).contains("Ad Later", "Bo Later");
    }
}
