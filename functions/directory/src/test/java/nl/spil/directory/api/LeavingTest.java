package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.spil.directory.domain.PersonLeft;
import nl.spil.localkit.Repo;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.outbox.Outbox;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Leaving is a workflow: the account closed, the directory items gone, {@code PersonLeft} handed
 * over in the same transaction, and a receipt that a repeated request gets again.
 */
class LeavingTest {

    private final DirectoryFunction fn = DirectoryFunction.get();

    private String create(String email, String site, String roles) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"Lea Ving\",\"email\":\"" + email + "\"" + (site == null ? "" : ",\"siteId\":\"" + site + "\"")
                        + ",\"homeAddress\":{\"line1\":\"Markt 1\",\"postalCode\":\"2611 GP\",\"city\":\"Delft\"},\"roles\":"
                        + roles + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private HttpAnswer leave(String id) {
        return fn.send(DirectoryFunction.event("delete-person.json").pathParameter("id", id).path("/people/" + id));
    }

    private Map<String, AttributeValue> outboxEvent(String personId) {
        return fn.aws.dynamoDb().getItem(b -> b.tableName(fn.aws.tableName("OutboxTable"))
                .key(Attrs.key(Outbox.pkForDedupeKey("directory:person-left:" + personId), "OUTBOX"))).item();
    }

    private int itemsInPersonPartition(String id) {
        return fn.aws.dynamoDb().query(b -> b.tableName(fn.table()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", DirectoryLayout.personKey(id).get("pk"))).consistentRead(true)).count();
    }

    @Test
    void leavingClosesTheAccountRemovesEveryItemAndHandsOverPersonLeft() throws IOException {
        String site = new DirectoryItems(fn.aws).site("Delft", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String email = DirectoryFunction.uniqueEmail("leaver");
        String id = create(email, site, "[\"staff\",\"office-manager\"]");
        String sub = fn.account(email).orElseThrow().sub();
        assertThat(itemsInPersonPartition(id)).as("the person and a role item per role").isEqualTo(3);

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer receipt = leave(id);
        RequestCounter.Usage cost = before.since();

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        JsonNode r = receipt.json();
        assertThat(r.path("personId").asText()).isEqualTo(id);
        assertThat(r.path("leftAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(r.path("account").asText()).isEqualTo("closed");
        assertThat(r.path("rolesEnded").toString()).isEqualTo("[\"office-manager\",\"staff\"]");
        assertThat(r.path("directoryRecordRemoved").asBoolean()).isTrue();
        assertThat(r.path("handedOver").path("event").asText()).isEqualTo("PersonLeft");
        assertThat(r.path("handedOver").path("consumers").findValuesAsText("function"))
                .containsExactly("bookings", "mailroom", "visitors");
        assertThat(receipt.body()).doesNotContain(email, "Lea Ving", "Delft");

        // the account: disabled, signed out everywhere, in no group
        assertThat(fn.account(email).orElseThrow().enabled()).isFalse();
        assertThat(fn.groupsOf(sub)).isEmpty();
        // the directory: nothing of theirs, and no longer an office manager of the site
        assertThat(itemsInPersonPartition(id)).isZero();
        assertThat(fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id)).status())
                .isEqualTo(404);
        assertThat(fn.send(DirectoryFunction.event("get-me.json").claim("email", email)).status()).isEqualTo(404);
        assertThat(new DirectoryReader(fn.aws.dynamoDb(), fn.table()).peopleWithRole(site, "office-manager"))
                .noneMatch(p -> p.personId().equals(id));

        // PersonLeft, written with the removal: the account's subject, no name or e-mail
        Map<String, AttributeValue> event = outboxEvent(id);
        assertThat(event.get("detailType").s()).isEqualTo("PersonLeft");
        assertThat(event.get("source").s()).isEqualTo("nl.spil.directory");
        JsonNode detail = new ObjectMapper().readTree(event.get("detail").s());
        assertThat(detail.path("personId").asText()).isEqualTo(id);
        assertThat(detail.path("sub").asText()).isEqualTo(sub);
        assertThat(detail.path("leftAt").asText()).isEqualTo(r.path("leftAt").asText());
        assertThat(event.get("detail").s()).doesNotContain(email, "Lea", "Delft");

        // the cost of leaving, as docs/architecture.md states it
        assertThat(cost.byOperation()).isEqualTo(Map.of("GetItem", 1L, "AdminRemoveUserFromGroup", 4L,
                "AdminDisableUser", 1L, "AdminUserGlobalSignOut", 1L, "TransactWriteItems", 1L));
    }

    @Test
    void leavingTwiceAnswersTheSameReceiptAndHandsOverOnce() {
        String id = create(DirectoryFunction.uniqueEmail("twice"), null, "[\"staff\"]");
        HttpAnswer first = leave(id);
        assertThat(first.status()).isEqualTo(200);

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer again = leave(id);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(before.since().byOperation()).as("read, not done again").isEqualTo(Map.of("GetItem", 2L));
    }

    @Test
    void someoneWhoWasNeverInTheDirectoryCannotLeave() {
        HttpAnswer answer = leave("01JNOBODY0000000000000000X");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void someoneWithoutAnAccountLeavesWithNoneToClose() {
        String email = DirectoryFunction.uniqueEmail("noaccount");
        String id = new DirectoryItems(fn.aws).person("No Account", email, "en", null, List.of("staff"));

        HttpAnswer receipt = leave(id);

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().path("account").asText()).isEqualTo("none");
        assertThat(outboxEvent(id).get("detail").s()).doesNotContain("\"sub\"");
    }

    @Test
    void anAccountTheRecordNeverLearnedIsFoundByEmailAndClosed() {
        String email = DirectoryFunction.uniqueEmail("unlinked");
        String id = new DirectoryItems(fn.aws).person("Un Linked", email, "nl", null, List.of("reception"));
        String sub = fn.accountMadeByHand(email, "reception");

        HttpAnswer receipt = leave(id);

        assertThat(receipt.json().path("account").asText()).isEqualTo("closed");
        assertThat(fn.account(email).orElseThrow().enabled()).isFalse();
        assertThat(fn.groupsOf(sub)).isEmpty();
        assertThat(outboxEvent(id).get("detail").s()).contains(sub);
    }

    @Test
    void someoneWhoLeftCanBeRegisteredAgainWithTheSameAccount() {
        String email = DirectoryFunction.uniqueEmail("rehired");
        String first = create(email, null, "[\"staff\",\"management\"]");
        String sub = fn.account(email).orElseThrow().sub();
        assertThat(leave(first).status()).isEqualTo(200);

        String second = create(email, null, "[\"reception\"]");

        assertThat(second).isNotEqualTo(first);
        assertThat(fn.account(email).orElseThrow()).isEqualTo(new DirectoryFunction.Account(sub, true));
        assertThat(fn.groupsOf(sub)).containsExactly("reception");
        assertThat(fn.personItem(second).get("sub").s()).isEqualTo(sub);
    }

    @Test
    void theReceiptNamesTheConsumersTheEventContractNames() throws IOException {
        String row = Files.readAllLines(Repo.path("docs/architecture.md")).stream()
                .filter(l -> l.startsWith("| `PersonLeft`")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        assertThat(cells[3]).contains("`personId`", "`sub`", "`leftAt`");
        assertThat(Arrays.stream(PersonLeft.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("personId", "sub", "leftAt");
        String consumers = cells[5];
        PersonLeft.CONSUMERS.forEach(c -> assertThat(consumers).contains(c.function() + " ("));
        assertThat(consumers.split("\\), ")).hasSameSizeAs(PersonLeft.CONSUMERS);
    }
}
