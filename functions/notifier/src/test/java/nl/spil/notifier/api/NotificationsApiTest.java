package nl.spil.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.spil.notifier.store.DynamoOutboxLedger;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.RenderedEmail;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxStatus;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GET /notifications?status=failed and POST /notifications/{id}/retry through the real handler. */
class NotificationsApiTest {

    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoOutboxLedger ledger;
    private static Outbox outbox;

    @BeforeAll
    static void start() {
        RouteRulesTest.start();
        dynamo = DynamoClients.create();
        table = System.getProperty("OUTBOX_TABLE");
        ledger = new DynamoOutboxLedger(dynamo, table);
        outbox = new Outbox(table, Clock.systemUTC(), new Ids(Clock.systemUTC())::next);
    }

    /** An e-mail item made FAILED the way the notifier does it: claimed, then failed. */
    static OutboxItem.Email failedEmail(String reason) {
        String to = "failed." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        OutboxItem.Email item = outbox.newEmail(EmailMessage.of(EmailAddress.of("spil@example.org"), EmailAddress.of(to),
                Language.EN, new RenderedEmail("Your parcel is waiting", "text", "<p>html</p>"), "seed-" + to), null);
        dynamo.transactWriteItems(b -> b.transactItems(outbox.put(item)));
        Instant now = Instant.now();
        assertThat(ledger.claim(item.pk(), "test", now, now.plusSeconds(60), false)).isPresent();
        assertThat(ledger.fail(item.pk(), "test", now, reason, now.plus(Duration.ofDays(30)))).isTrue();
        return item;
    }

    static HttpAnswer send(HttpEvent event) {
        return RouteRulesTest.start2().send(event);
    }

    @Test
    void theOfficeManagerPagesThroughFailedNotificationsNewestFirst() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(failedEmail("MessageRejected (400): Email address is not verified " + i).pk().substring(7));
        }
        Set<String> seen = new HashSet<>();
        List<String> createdAts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpEvent event = Events.http("notifier/list-failed.json").queryParameter("limit", "2");
            if (cursor != null) {
                event.queryParameter("cursor", cursor);
            }
            var snapshot = RequestCounter.snapshot();
            HttpAnswer answer = send(event);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(snapshot.since().of("Query")).as("one per shard of the status index").isEqualTo(OutboxStatus.SHARDS);
            JsonNode json = answer.json();
            for (JsonNode n : json.path("items")) {
                assertThat(n.path("status").asText()).isEqualTo("failed");
                assertThat(n.path("kind").asText()).isIn("email", "event");
                assertThat(n.path("lastError").asText()).isNotBlank();
                if (mine.contains(n.path("id").asText())) {
                    assertThat(n.path("kind").asText()).isEqualTo("email");
                    assertThat(n.path("lastError").asText()).startsWith("MessageRejected");
                    assertThat(n.path("subject").asText()).isEqualTo("Your parcel is waiting");
                    assertThat(n.path("to").asText()).startsWith("failed.");
                    assertThat(n.path("createdAt").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
                }
                assertThat(seen.add(n.path("id").asText())).isTrue();
                createdAts.add(n.path("createdAt").asText());
            }
            cursor = json.path("nextCursor").isMissingNode() || json.path("nextCursor").isNull() ? null
                    : json.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).containsAll(mine);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(createdAts).as("newest first across the shards").isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aFailedNotificationIsRetriedOnceAndThenIsNoLongerFailed() {
        OutboxItem.Email item = failedEmail("gave up after 5 tries: TooManyRequestsException (429)");
        String key = item.pk().substring("OUTBOX#".length());
        HttpEvent retry = Events.http("notifier/retry.json").path("/notifications/" + key + "/retry").pathParameter("id", key);

        HttpAnswer first = send(retry);
        HttpAnswer again = send(retry);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(first.json().path("status").asText()).isEqualTo("pending");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        Map<String, AttributeValue> stored = stored(item.pk());
        assertThat(stored.get("status").s()).isEqualTo("PENDING");
        assertThat(stored.get("gsi1pk").s()).isEqualTo(OutboxStatus.PENDING.gsiKey(item.pk()));
        assertThat(stored.get("attempts").n()).isEqualTo("0");
        assertThat(stored).doesNotContainKey("expiresAt");
    }

    private static Map<String, AttributeValue> stored(String pk) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("OUTBOX")))).item();
    }

    @Test
    void afterAnOutageTheOfficeManagerPutsBackEveryFailedEmailAFilterMatches() {
        String outage = "SendingPausedException (400): outage " + UUID.randomUUID();
        List<OutboxItem.Email> hit = List.of(failedEmail(outage), failedEmail(outage), failedEmail(outage));
        OutboxItem.Email other = failedEmail("MessageRejected (400): Email address is not verified");
        HttpEvent bulk = Events.http("notifier/retry-all.json");
        assertThat(bulk.build().getBody()).contains("errorContains");

        HttpAnswer answer = send(bulk.body("{\"kind\":\"email\",\"createdFrom\":\"2020-01-01T00:00:00Z\","
                + "\"errorContains\":\"" + outage.substring(outage.indexOf("outage")) + "\"}"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("retried").asInt()).isEqualTo(3);
        assertThat(answer.json().path("more").asBoolean()).isFalse();
        hit.forEach(i -> assertThat(stored(i.pk()).get("status").s()).isEqualTo("PENDING"));
        assertThat(stored(other.pk()).get("status").s()).as("not matched").isEqualTo("FAILED");
        HttpAnswer again = send(Events.http("notifier/retry-all.json"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(stored(hit.get(0).pk()).get("status").s()).as("a retried item is not retried twice").isEqualTo("PENDING");

        HttpAnswer bad = send(Events.http("notifier/retry-all.json").body("{\"kind\":\"fax\",\"createdFrom\":\"yesterday\","
                + "\"createdTo\":\"1999-01-01T00:00:00Z\",\"x\":1}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("kind", "createdFrom", "createdTo", "x");
        assertThat(send(Events.http("notifier/retry-all.json").body((String) null)).status()).isEqualTo(400);
    }

    @Test
    void theRecordedRetryEventForAnUnknownIdIsA404() {
        HttpAnswer answer = send(Events.http("notifier/retry.json"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        for (var bad : List.of(
                Map.of("status", "pending"), Map.of("status", "FAILED"), Map.of("status", "failed\r\nx"),
                Map.of("status", "failed", "limit", "0"), Map.of("status", "failed", "limit", "201"),
                Map.of("status", "failed", "limit", "ten"), Map.of("status", "failed", "cursor", "forged.cursor"),
                Map.of("status", "failed", "cursor", "%%%"))) {
            HttpEvent event = Events.http("notifier/list-failed.json").queryParameter("limit", null);
            bad.forEach(event::queryParameter);
            HttpAnswer answer = send(event);
            assertThat(answer.status()).as(bad + " " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        HttpAnswer noStatus = send(Events.http("notifier/list-failed.json").queryParameter("status", null));
        assertThat(noStatus.status()).isEqualTo(400);
        for (String id : List.of("has space", "OUTBOX%23abc", "ünïcode", "x".repeat(65), "a#b")) {
            HttpAnswer answer = send(Events.http("notifier/retry.json").path("/notifications/" + id.replace(" ", "%20") + "/retry")
                    .pathParameter("id", id));
            assertThat(answer.status()).as(id + " " + answer).isIn(400, 404);
            assertThat(answer.isProblem()).isTrue();
        }
    }
}
