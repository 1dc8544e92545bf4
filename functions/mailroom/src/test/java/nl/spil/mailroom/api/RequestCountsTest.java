package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * The bars: logging one item costs at most 3 DynamoDB requests (the upload link is computed, not
 * requested); "mine" and the shelf view are one Query each (plus the caller's directory GetItem
 * for "mine"), and stay so with ten times more items handed out; the recipient search is one Query.
 */
class RequestCountsTest {

    private final MailroomFunction fn = MailroomFunction.get();

    private HttpAnswer log(Person rita, String body) {
        return fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null).body(body), "reception"));
    }

    @Test
    void loggingOneItemWithAPhotoIsOneBatchGetAndOneTransaction() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, "Sales");
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer logged = log(rita, Deliveries.at(site).photographedParcelFor(sam.id(), "image/jpeg", 1000).json());
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(before.since().byOperation()).isEqualTo(Map.of("BatchGetItem", 1L, "TransactWriteItems", 1L));

        fn.person("Fay Jansen", "nl", site, "Legal");
        RequestCounter.Snapshot department = RequestCounter.snapshot();
        assertThat(log(rita, Deliveries.at(site).lettersForDepartment("legal", 2).json()).status()).isEqualTo(201);
        assertThat(department.since().byOperation()).as("a department adds the name index")
                .isEqualTo(Map.of("Query", 1L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
    }

    @Test
    void mineAndTheShelvesAreOneQueryWhateverWasHandedOutBefore() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, "Sales");
        assertThat(log(rita, Deliveries.at(site).parcelFor(sam.id()).letterFor(sam.id(), "A").json()).status()).isEqualTo(201);
        long[] baseline = readCosts(sam, site);

        for (int round = 0; round < 2; round++) { // 20 items handed out: ten times the 2 still waiting
            Deliveries delivery = Deliveries.at(site);
            for (int i = 0; i < 10; i++) {
                delivery.letterFor(sam.id(), "Z");
            }
            var items = log(rita, delivery.json()).json().path("items");
            String code = fn.send(sam.as(MailroomApiTest.onItem("get-mail.json", items.get(0).path("id").asText()), "staff"))
                    .json().path("pickupCode").asText();
            for (var item : items) {
                HttpAnswer handed = fn.send(rita.as(MailroomApiTest.onItem("pickup-mail.json", item.path("id").asText())
                        .body("{\"code\":\"" + code + "\"}"), "reception"));
                assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
            }
        }
        long[] after = readCosts(sam, site);
        assertThat(after).as("requests and items read by mine and the shelf view").isEqualTo(baseline);
    }

    /** {mine's requests, mine's items read, the shelves' requests, the shelves' items read}. */
    private long[] readCosts(Person sam, String site) {
        RequestCounter.Snapshot mineStart = RequestCounter.snapshot();
        HttpAnswer mine = fn.send(sam.as(MailroomFunction.event("list-my-mail.json"), "staff"));
        RequestCounter.Usage mineUsage = mineStart.since();
        assertThat(mine.json().path("items")).hasSize(2);
        assertThat(mineUsage.byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 1L));

        RequestCounter.Snapshot shelfStart = RequestCounter.snapshot();
        HttpAnswer shelves = fn.send(MailroomFunction.event("list-shelves.json").queryParameter("site", site));
        RequestCounter.Usage shelfUsage = shelfStart.since();
        assertThat(shelves.status()).as(shelves.toString()).isEqualTo(200);
        assertThat(shelves.json().path("items")).hasSize(2);
        assertThat(shelves.json().path("items").get(0).path("shelf").asText()).isEqualTo("A");
        assertThat(shelfUsage.byOperation()).isEqualTo(Map.of("Query", 1L));
        return new long[] {mineUsage.total(), mineUsage.itemsRead(), shelfUsage.total(), shelfUsage.itemsRead()};
    }

    @Test
    void aHandOutIsThreeGetItemsAndOneTransaction() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        String id = log(rita, Deliveries.at(site).parcelFor(sam.id()).json()).json().path("items").get(0).path("id").asText();
        String code = fn.send(sam.as(MailroomApiTest.onItem("get-mail.json", id), "staff")).json().path("pickupCode").asText();
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer handed = fn.send(rita.as(MailroomApiTest.onItem("pickup-mail.json", id).body("{\"code\":\"" + code + "\"}"), "reception"));
        assertThat(handed.status()).isEqualTo(200);
        // the receptionist's card, the item, the site's keeping days; the item, its list keys and the day's count in one write
        assertThat(before.since().byOperation()).isEqualTo(Map.of("GetItem", 3L, "TransactWriteItems", 1L));
    }

    @Test
    void recipientSuggestionsAreOneQuery() {
        String site = fn.site("Europe/Amsterdam");
        Person anne = fn.person("Anne van den Qwertberg", "nl", site, "Finance");
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer found = fn.send(MailroomFunction.event("mail-recipients.json").queryParameter("q", "A. v.d. Qwertberg")
                .queryParameter("site", site));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(before.since().byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(found.json().path("items").get(0).path("personId").asText()).isEqualTo(anne.id());
        assertThat(found.json().path("items").get(0).path("department").asText()).isEqualTo("Finance");
    }
}
