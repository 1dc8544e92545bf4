package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * What the directory writes is what the other functions' DirectoryReader reads, and "the office
 * managers of a site" reads those people only (the sparse role index), however many others the
 * directory holds.
 */
class RoleIndexTest {

    private final DirectoryFunction fn = DirectoryFunction.get();
    private final DirectoryReader reader = new DirectoryReader(DynamoClients.create(), fn.table());

    private String create(String name, String site, String roles) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"" + name + "\",\"email\":\"" + DirectoryFunction.uniqueEmail("ri") + "\",\"language\":\"en\""
                        + (site == null ? "" : ",\"siteId\":\"" + site + "\"") + ",\"roles\":" + roles + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void theOfficeManagersOfASiteAreReadWithoutReadingAnyoneElse() {
        DirectoryItems items = new DirectoryItems(fn.aws);
        String site = items.site("Role index", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String other = items.site("Elsewhere", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String ann = create("Ann Manager", site, "[\"staff\",\"office-manager\"]");
        String bob = create("Bob Manager", site, "[\"office-manager\"]");
        create("Cas Elsewhere", other, "[\"office-manager\"]");
        for (int i = 0; i < 25; i++) {
            items.person("Staff " + i, DirectoryFunction.uniqueEmail("staff"), "nl", site, List.of("staff", "reception"));
        }

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        List<PersonCard> managers = reader.peopleWithRole(site, "office-manager");
        RequestCounter.Usage cost = before.since();

        // office managers of no site serve every site: other tests' ones may be among them
        assertThat(managers).extracting(PersonCard::personId).contains(ann, bob);
        assertThat(managers).allSatisfy(m -> assertThat(m.roles()).contains("office-manager"));
        assertThat(managers).allSatisfy(m -> assertThat(m.siteId().orElse(site)).isEqualTo(site));
        assertThat(cost.byOperation()).isEqualTo(java.util.Map.of("Query", 2L));
        assertThat(cost.itemsRead()).as("O(answer): the managers, none of the 25 others").isEqualTo(managers.size());

        PersonCard card = managers.stream().filter(m -> m.personId().equals(ann)).findFirst().orElseThrow();
        assertThat(card.name()).isEqualTo("Ann Manager");
        assertThat(card.roles()).containsExactly("office-manager", "staff");
    }

    @Test
    void theIndexFollowsAChangeOfRoleAndSite() {
        DirectoryItems items = new DirectoryItems(fn.aws);
        String site = items.site("Moving", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String next = items.site("Moved to", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String email = DirectoryFunction.uniqueEmail("mover");
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"Mo Ver\",\"email\":\"" + email + "\",\"siteId\":\"" + site + "\",\"roles\":[\"reception\"]}"));
        String id = created.json().path("id").asText();
        assertThat(reader.peopleWithRole(site, "reception")).extracting(PersonCard::personId).contains(id);

        HttpAnswer moved = fn.send(DirectoryFunction.event("update-person.json").pathParameter("id", id).path("/people/" + id)
                .body("{\"name\":\"Mo Ver\",\"email\":\"" + email + "\",\"version\":1,\"siteId\":\"" + next
                        + "\",\"roles\":[\"staff\"]}"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        assertThat(reader.peopleWithRole(site, "reception")).extracting(PersonCard::personId).doesNotContain(id);
        assertThat(reader.peopleWithRole(next, "reception")).extracting(PersonCard::personId).doesNotContain(id);
        assertThat(reader.peopleWithRole(next, "staff")).extracting(PersonCard::personId).contains(id);
        assertThat(reader.peopleWithRole(next, "nonsense")).isEmpty();
    }

    @Test
    void aSiteCarriesItsCostCentreToTheOtherFunctions() {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null)
                .body("{\"name\":\"Kostenplaats\",\"costCentre\":\"CC-4100\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("costCentre").asText()).isEqualTo("CC-4100");
        String id = created.json().path("id").asText();

        assertThat(reader.site(id).orElseThrow().costCentre()).contains("CC-4100");

        HttpAnswer cleared = fn.send(DirectoryFunction.event("update-site.json").pathParameter("id", id).path("/sites/" + id)
                .body("{\"name\":\"Kostenplaats\",\"version\":1}"));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().has("costCentre")).isFalse();
        assertThat(reader.site(id).orElseThrow().costCentre()).isEmpty();
    }

    @Test
    void everyInstantInTheAnswersHasSeconds() {
        HttpAnswer site = fn.send(DirectoryFunction.event("create-site.json").header("idempotency-key", null)
                .body("{\"name\":\"Seconds\"}"));
        String id = create("Sec Onds", null, "[\"staff\"]");
        HttpAnswer person = fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id));

        for (HttpAnswer answer : List.of(site, person)) {
            for (String field : List.of("createdAt", "updatedAt")) {
                assertThat(answer.json().path(field).asText()).as(field)
                        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
            }
        }
    }
}
