package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.spil.directory.events.EmailBouncedHandler;
import nl.spil.localkit.FunctionEnvironment;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mail to someone's address bounced for good: the notifier's EmailBounced
 * (events/directory/email-bounced.json) through the DirectoryEventsFunction's handler, with that
 * function's environment. The person's answer shows it, every item of theirs says so (other
 * functions read the role items), the site's office managers are told once in their language,
 * the same event again does nothing, and a new e-mail address clears it.
 */
class EmailBouncedTest {

    private static final String FUNCTION = "DirectoryEventsFunction";
    private final DirectoryFunction fn = DirectoryFunction.get();

    private String create(String name, String email, String site, String language, String roles) {
        HttpAnswer created = fn.send(DirectoryFunction.event("create-person.json").header("idempotency-key", null)
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"language\":\"" + language + "\",\"siteId\":\""
                        + site + "\",\"roles\":" + roles + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private JsonNode person(String id) {
        HttpAnswer got = fn.send(DirectoryFunction.event("get-person.json").pathParameter("id", id).path("/people/" + id));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json();
    }

    private HttpAnswer change(String id, String name, String email, long version) {
        HttpEvent update = DirectoryFunction.event("update-person.json").pathParameter("id", id).path("/people/" + id);
        return fn.send(update.body("{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"language\":\"nl\",\"roles\":[\"staff\"],\"version\":" + version + "}"));
    }

    /** The event file with this address and event id, delivered as EventBridge does, in the function's environment. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> deliver(String email, String eventId) {
        Map<String, Object> event = Events.load("directory/email-bounced.json", Map.class);
        Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("email", email);
        detail.put("eventId", eventId);
        event.put("detail", detail);
        // exactly the consumer's environment: what only the HTTP function has is taken away meanwhile
        // (Micronaut builds every singleton at init, so a bean needing the user pool would fail here)
        Map<String, String> httpOnly = new HashMap<>(fn.aws.environment(DirectoryFunction.ID).variables());
        httpOnly.keySet().removeAll(fn.aws.environment(FUNCTION).variables().keySet());
        httpOnly.keySet().forEach(System::clearProperty);
        try (FunctionEnvironment.Applied env = fn.aws.applyAsSystemProperties(FUNCTION);
             EmailBouncedHandler handler = new EmailBouncedHandler()) {
            return handler.handleRequest(event, TestContext.forFunction(fn.aws.template(), FUNCTION));
        } finally {
            httpOnly.forEach(System::setProperty);
        }
    }

    private Optional<OutboxItem.Email> mail(String dedupeKey) {
        Map<String, AttributeValue> item = fn.aws.dynamoDb().getItem(b -> b.tableName(fn.aws.tableName("OutboxTable"))
                .key(Attrs.key(Outbox.pkForDedupeKey(dedupeKey), "OUTBOX")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of((OutboxItem.Email) OutboxItems.fromItem(item));
    }

    private static String eventId() {
        return "01JEVENT" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
    }

    @Test
    void aBounceIsRecordedOnThePersonAndTheOfficeManagersAreToldOnce() {
        String site = new DirectoryItems(fn.aws).site("Leiden", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
        String olga = create("Olga Manager", DirectoryFunction.uniqueEmail("olga"), site, "nl", "[\"office-manager\"]");
        String oscar = create("Oscar Manager", DirectoryFunction.uniqueEmail("oscar"), site, "en", "[\"office-manager\",\"staff\"]");
        String email = DirectoryFunction.uniqueEmail("gone");
        String id = create("Gerrit Weg", email, site, "nl", "[\"staff\"]");
        String eventId = eventId();

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        Map<String, Object> receipt = deliver(email, eventId);
        RequestCounter.Usage cost = before.since();

        assertThat(receipt).containsEntry("eventId", eventId).containsEntry("outcome", "RECORDED")
                .containsEntry("personId", id).containsEntry("officeManagersTold", 2);
        assertThat(receipt.toString()).doesNotContain(email);
        // 1 GetItem (the person by e-mail), 2 Queries (the site's office managers, those of no site), 1 transaction
        assertThat(cost.byOperation()).containsExactlyInAnyOrderEntriesOf(
                Map.of("GetItem", 1L, "Query", 2L, "TransactWriteItems", 1L));

        JsonNode p = person(id);
        assertThat(p.path("mailUndeliverable").path("reason").asText()).isEqualTo("BOUNCE");
        assertThat(p.path("mailUndeliverable").path("since").asText()).isEqualTo("2027-03-29T08:15:02Z");
        assertThat(p.path("version").asLong()).isEqualTo(2);
        HttpAnswer me = fn.send(DirectoryFunction.event("get-me.json").claim("email", email));
        assertThat(me.json().path("mailUndeliverable").path("reason").asText()).isEqualTo("BOUNCE");
        // every item says so: the other functions' reads (by id, by e-mail, the role index) skip the address
        DirectoryReader reader = new DirectoryReader(fn.aws.dynamoDb(), fn.table());
        assertThat(reader.personById(id).orElseThrow().mailable()).isFalse();
        assertThat(reader.personByEmail(email).orElseThrow().mailUndeliverable()).isPresent();
        assertThat(reader.peopleWithRole(site, "staff")).filteredOn(c -> c.personId().equals(id))
                .singleElement().satisfies(c -> assertThat(c.mailable()).isFalse());
        assertThat(reader.personById(olga).orElseThrow().mailable()).isTrue();

        OutboxItem.Email toOlga = mail("directory:mail-undeliverable:" + eventId + ":" + olga).orElseThrow();
        assertThat(toOlga.message().content().subject()).isEqualTo("E-mail komt niet aan: Gerrit Weg");
        assertThat(toOlga.message().content().text()).contains(email, "29 maart 2027", "pas het aan");
        OutboxItem.Email toOscar = mail("directory:mail-undeliverable:" + eventId + ":" + oscar).orElseThrow();
        assertThat(toOscar.message().content().subject()).isEqualTo("E-mail does not arrive: Gerrit Weg");
        assertThat(toOscar.message().content().text()).contains(email, "the receiving server refuses it");

        // the same event again, and another bounce of the same address: nothing changes, nobody is mailed again
        RequestCounter.Snapshot again = RequestCounter.snapshot();
        assertThat(deliver(email, eventId)).containsEntry("outcome", "ALREADY_RECORDED").containsEntry("officeManagersTold", 0);
        assertThat(again.since().byOperation()).containsExactlyEntriesOf(Map.of("GetItem", 1L));
        String secondEvent = eventId();
        assertThat(deliver(email, secondEvent)).containsEntry("outcome", "ALREADY_RECORDED");
        assertThat(mail("directory:mail-undeliverable:" + secondEvent + ":" + olga)).isEmpty();
        assertThat(person(id).path("version").asLong()).isEqualTo(2);

        // a change that keeps the address keeps the record; a new address clears it
        HttpAnswer renamed = change(id, "Gerrit van Weg", email, 2);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("mailUndeliverable").path("reason").asText()).isEqualTo("BOUNCE");
        String fixed = DirectoryFunction.uniqueEmail("fixed");
        HttpAnswer moved = change(id, "Gerrit van Weg", fixed, 3);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().has("mailUndeliverable")).isFalse();
        assertThat(person(id).has("mailUndeliverable")).isFalse();
        assertThat(reader.personById(id).orElseThrow().mailable()).isTrue();

        // the first event once more, after the address was changed back: it was handled, nothing happens
        assertThat(change(id, "Gerrit van Weg", email, 4).status()).isEqualTo(200);
        assertThat(deliver(email, eventId)).containsEntry("outcome", "ALREADY_RECORDED");
        assertThat(person(id).has("mailUndeliverable")).isFalse();
    }

    @Test
    void anAddressNobodyHasIsLoggedWithoutTheAddressAndIgnored() {
        String email = DirectoryFunction.uniqueEmail("stranger");
        String eventId = eventId();
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        Map<String, Object> receipt;
        try {
            receipt = deliver(email, eventId);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(receipt).containsEntry("outcome", "UNKNOWN_ADDRESS").containsEntry("officeManagersTold", 0)
                .doesNotContainKey("personId");
        assertThat(receipt.toString()).doesNotContain(email);
        assertThat(before.since().byOperation()).containsExactlyEntriesOf(Map.of("GetItem", 1L));
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains(eventId, "nobody in the directory has that address").doesNotContain(email, email.split("@")[0]);
    }
}
