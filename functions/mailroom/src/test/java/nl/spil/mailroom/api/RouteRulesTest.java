package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RouteRulesContract;
import org.junit.jupiter.api.Test;

/**
 * The mailroom keeps the route rules every HTTP function keeps (see RouteRulesContract), and
 * staff see only their own post: another person's item, its photo, its forwarding and a site's
 * shelves are not theirs.
 */
class RouteRulesTest extends RouteRulesContract {

    private static final MailroomFunction FN = MailroomFunction.get();

    RouteRulesTest() {
        super(MailroomFunction.ID, () -> MailroomFunction.event("get-mail.json"), FN::send);
    }

    @Test
    void staffSeeOnlyTheirOwnPost() {
        String site = FN.site("Europe/Amsterdam");
        Person rita = FN.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = FN.person("Sam de Vries", "en", site, "Sales");
        Person noor = FN.person("Noor El Amrani", "nl", site, "Sales");
        HttpAnswer logged = FN.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body(Deliveries.at(site).parcelFor(sam.id()).json()), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String id = logged.json().path("items").get(0).path("id").asText();

        assertThat(FN.send(sam.as(MailroomApiTest.onItem("get-mail.json", id), "staff")).status()).isEqualTo(200);
        for (String event : new String[] {"get-mail.json", "get-mail-scan.json"}) {
            HttpAnswer other = FN.send(noor.as(MailroomApiTest.onItem(event, id), "staff"));
            assertThat(other.status()).as(event + " " + other).isEqualTo(404);
            assertThat(other.isProblem()).isTrue();
        }
        HttpAnswer forward = FN.send(noor.as(MailroomApiTest.onItem("forward-request.json", id), "staff"));
        assertThat(forward.status()).as(forward.toString()).isEqualTo(404);
        HttpAnswer mine = FN.send(noor.as(MailroomFunction.event("list-my-mail.json"), "staff"));
        assertThat(mine.json().path("items")).isEmpty();
        HttpAnswer shelves = FN.send(noor.as(MailroomFunction.event("list-shelves.json").queryParameter("site", site), "staff"));
        assertThat(shelves.status()).as(shelves.toString()).isEqualTo(403);
        HttpAnswer pickup = FN.send(sam.as(MailroomApiTest.onItem("pickup-mail.json", id), "staff"));
        assertThat(pickup.status()).as("a recipient cannot hand their own post out").isEqualTo(403);
    }
}
