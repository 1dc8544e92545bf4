package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The platform's people search (DirectoryReader.findPeople) over what the directory's own routes
 * write: the name index follows every create, change, delete and import in the same transaction.
 */
class PeopleSearchTest {

    private final DirectoryFunction fn = DirectoryFunction.get();
    private final DirectoryReader reader = new DirectoryReader(fn.context().getBean(DynamoDbClient.class), fn.table());

    /** A surname no other test uses, so searches in the shared table find only this test's people. */
    static String surname() {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private String create(String name, String email) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"language\":\"en\",\"costCentre\":\"Finance\",\"roles\":[\"staff\"]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private List<String> found(String typed) {
        return reader.findPeople(typed, 5).stream().map(PersonCard::personId).toList();
    }

    @Test
    void aPersonIsFoundByWhatALabelSaysFromTheMomentTheyAreRegistered() {
        String surname = surname();
        String email = DirectoryFunction.uniqueEmail("anne");
        String id = create("Anne van den " + surname, email);

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        List<PersonCard> cards = reader.findPeople("A. v.d. " + surname.toUpperCase(), 5);
        assertThat(before.since().byOperation()).isEqualTo(Map.of("Query", 1L, "BatchGetItem", 1L));
        assertThat(cards).extracting(PersonCard::personId).containsExactly(id);
        assertThat(cards.get(0).email()).isEqualTo(email);
        assertThat(cards.get(0).costCentre()).contains("Finance");

        String typo = surname.substring(0, 4) + surname.charAt(5) + surname.charAt(4) + surname.substring(6);
        assertThat(found("anne " + typo)).containsExactly(id);
        assertThat(found("vanden" + surname.toLowerCase())).containsExactly(id);
    }

    @Test
    void aRenamedPersonIsFoundByTheNewNameOnlyAndARemovedOneNotAtAll() {
        String oldName = surname();
        String newName = surname();
        String email = DirectoryFunction.uniqueEmail("sanne");
        String id = create("Sanne " + oldName, email);
        assertThat(found(oldName)).containsExactly(id);

        HttpEvent update = DirectoryFunction.event("update-person.json").pathParameter("id", id).path("/people/" + id);
        update.body(update.build().getBody().replace("sanne.devries@example.org", email).replace("Sanne de Vries", "Sanne de " + newName));
        HttpAnswer updated = fn.send(update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(found(oldName)).isEmpty();
        assertThat(found("S. de " + newName)).containsExactly(id);
        assertThat(reader.nameIndex()).filteredOn(e -> e.personId().equals(id)).singleElement()
                .satisfies(e -> assertThat(e.costCentre()).contains("CC-300"));

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        assertThat(found(surname())).isEmpty();
        assertThat(before.since().byOperation()).isEqualTo(Map.of("Query", 1L));

        HttpAnswer deleted = fn.send(DirectoryFunction.event("delete-person.json").pathParameter("id", id).path("/people/" + id));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(found(newName)).isEmpty();
        assertThat(reader.nameIndex()).noneMatch(e -> e.personId().equals(id));
    }

    @Test
    void importedPeopleAreFoundAndTheRowsThatFailedAreNot() {
        String surname = surname();
        String taken = DirectoryFunction.uniqueEmail("taken");
        String takenId = create("Taken " + surname(), taken);
        StringBuilder csv = new StringBuilder("name;email;language;roles\n");
        for (int i = 0; i < 60; i++) { // more than one import transaction
            csv.append("Person").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(" ").append(surname)
                    .append(";").append(DirectoryFunction.uniqueEmail("p" + i)).append(";nl;staff\n");
        }
        csv.append("Dup ").append(surname).append(";").append(taken).append(";nl;staff\n");
        HttpAnswer report = fn.send(DirectoryFunction.event("import-people.json").body(csv.toString()));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().path("imported").asInt()).isEqualTo(60);

        assertThat(reader.findPeople(surname, 100)).hasSize(60).noneMatch(c -> c.name().startsWith("Dup"));
        assertThat(reader.findPeople("personbc " + surname, 3)).extracting(PersonCard::name).first()
                .isEqualTo("Personbc " + surname);
        assertThat(reader.nameIndex()).filteredOn(e -> e.personId().equals(takenId)).hasSize(1);
    }
}
