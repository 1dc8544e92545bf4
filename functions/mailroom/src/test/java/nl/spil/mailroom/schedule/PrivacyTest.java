package nl.spil.mailroom.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.mailroom.api.TestClock;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Personal data kept only as long as needed: a handed-out item and its photo (every version)
 * are deleted by the purge schedule once the site's keeping days have passed, with the table's
 * TTL set as a backstop; when a person leaves (the directory's PersonLeft event), their post
 * history goes, and what still waits for them loses their name and goes back to its sender.
 */
class PrivacyTest {

    private static final MailroomFunction FN = MailroomFunction.get();
    private static MailPurgeHandler purge;
    private static PersonLeftHandler personLeft;

    @AfterAll
    static void close() {
        TestClock.INSTANCE.reset();
        if (purge != null) {
            purge.close();
        }
        if (personLeft != null) {
            personLeft.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> purgeAt(String scheduledTime) {
        if (purge == null) {
            purge = new MailPurgeHandler();
        }
        Map<String, Object> event = new HashMap<>(Events.load("mailroom/purge-tick.json", Map.class));
        event.put("scheduledTime", scheduledTime);
        return purge.handleRequest(event, TestContext.forFunction(FN.aws.template(), "MailPurgeFunction"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> left(String personId, String eventId) {
        if (personLeft == null) {
            personLeft = new PersonLeftHandler();
        }
        Map<String, Object> event = new HashMap<>(Events.load("mailroom/person-left.json", Map.class));
        Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("personId", personId);
        detail.put("eventId", eventId);
        event.put("detail", detail);
        return personLeft.handleRequest(event, TestContext.forFunction(FN.aws.template(), "MailPersonLeftFunction"));
    }

    private JsonNode log(Person desk, String body) {
        HttpAnswer logged = FN.send(desk.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null).body(body), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.json().path("items");
    }

    /** Puts a file at the item's key twice (two versions), as two uploads would. */
    private void uploadTwice(String itemId) {
        for (int i = 0; i < 2; i++) {
            FN.aws.s3().putObject(b -> b.bucket(FN.bucket()).key("mailroom/" + itemId + "/scan"), RequestBody.fromBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}));
        }
    }

    private int versions(String itemId) {
        var page = FN.aws.s3().listObjectVersions(r -> r.bucket(FN.bucket()).prefix("mailroom/" + itemId + "/"));
        return page.versions().size() + page.deleteMarkers().size();
    }

    private HttpAnswer get(Person desk, String id) {
        return FN.send(desk.as(MailroomFunction.event("get-mail.json").pathParameter("id", id).path("/mail/" + id), "reception"));
    }

    private void handOut(Person desk, String id) {
        HttpAnswer handed = FN.send(desk.as(MailroomFunction.event("pickup-mail.json").pathParameter("id", id)
                .path("/mail/" + id + "/pickup").body("{\"identityChecked\":true}"), "reception"));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
    }

    @Test
    void aHandedOutItemAndItsPhotoAreDeletedAfterTheKeepingDays() {
        TestClock.INSTANCE.set(Instant.parse("2027-03-22T09:00:00Z"));
        String site = FN.site("Europe/Amsterdam");
        Person rita = FN.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = FN.person("Sam de Vries", "en", site, null);
        String id = log(rita, "{\"siteId\":\"" + site + "\",\"items\":[{\"kind\":\"parcel\",\"carrier\":\"dpd\",\"trackingNumber\":\"01234567890123\","
                + "\"recipient\":{\"personId\":\"" + sam.id() + "\"},\"shelf\":\"D\",\"scan\":{\"contentType\":\"image/jpeg\",\"bytes\":4}}]}")
                .get(0).path("id").asText();
        uploadTwice(id);
        assertThat(versions(id)).isEqualTo(2);
        handOut(rita, id);
        JsonNode kept = get(rita, id).json();
        assertThat(kept.path("keepUntil").asText()).startsWith("2027-06-20");
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> raw = FN.aws.dynamoDb().getItem(b -> b
                .tableName(FN.table()).key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MAIL#" + id),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MAIL")))).item();
        assertThat(Long.parseLong(raw.get("expiresAt").n())).as("the TTL backstop, a week after keeping ends")
                .isEqualTo(Instant.parse("2027-06-27T09:00:00Z").getEpochSecond());

        purgeAt("2027-06-20T01:30:00Z"); // the night before: kept
        assertThat(get(rita, id).status()).isEqualTo(200);
        Map<String, Object> report = purgeAt("2027-06-21T01:30:00Z");
        assertThat((Integer) report.get("itemsDeleted")).isGreaterThanOrEqualTo(1);
        assertThat(get(rita, id).status()).isEqualTo(404);
        assertThat(versions(id)).as("every version of the photo").isZero();
        assertThat(FN.send(sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("status", "done"), "staff"))
                .json().path("items")).isEmpty();
    }

    @Test
    void whenAPersonLeavesTheirPostHistoryGoesAndWhatWaitsGoesBack() {
        TestClock.INSTANCE.set(Instant.parse("2027-03-22T09:00:00Z"));
        String site = FN.site("Europe/Amsterdam");
        Person rita = FN.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person olga = FN.person("Olga Jansen", "nl", site, null, "office-manager");
        Person sam = FN.person("Sam de Vries", "en", site, null);
        Person kim = FN.person("Kim Bos", "nl", site, null);
        String body = "{\"siteId\":\"" + site + "\",\"items\":["
                + "{\"kind\":\"parcel\",\"carrier\":\"other\",\"recipient\":{\"personId\":\"" + sam.id() + "\"},\"shelf\":\"E\","
                + "\"scan\":{\"contentType\":\"image/jpeg\",\"bytes\":4}},"
                + "{\"kind\":\"letter\",\"carrier\":\"postnl\",\"recipient\":{\"personId\":\"" + sam.id() + "\"},\"shelf\":\"E\"},"
                + "{\"kind\":\"letter\",\"carrier\":\"postnl\",\"recipient\":{\"personId\":\"" + kim.id() + "\"},\"shelf\":\"E\"}]}";
        JsonNode items = log(rita, body);
        String history = items.get(0).path("id").asText();
        String waiting = items.get(1).path("id").asText();
        String kims = items.get(2).path("id").asText();
        uploadTwice(history);
        handOut(rita, history);
        TestClock.INSTANCE.advance(Duration.ofDays(1));

        String eventId = MailroomFunction.unique("event");
        Map<String, Object> report = left(sam.id(), eventId);
        assertThat(report).containsEntry("itemsDeleted", 1).containsEntry("itemsSentBack", 1);
        assertThat(get(rita, history).status()).isEqualTo(404);
        assertThat(versions(history)).isZero();
        JsonNode goesBack = get(rita, waiting).json();
        assertThat(goesBack.path("recipient").path("type").asText()).isEqualTo("left");
        assertThat(goesBack.path("recipient").has("name")).isFalse();
        assertThat(goesBack.has("pickupCode")).isFalse();
        assertThat(FN.send(olga.as(MailroomFunction.event("return-list.json").queryParameter("site", site), "office-manager"))
                .json().path("items").toString()).contains(waiting).doesNotContain(kims);
        assertThat(get(rita, kims).json().path("recipient").path("name").asText()).isEqualTo("Kim Bos");

        assertThat(left(sam.id(), eventId)).as("the same event again").containsEntry("skipped", true);
        assertThat(left(sam.id(), MailroomFunction.unique("event"))).as("another copy of it: nothing left to do")
                .containsEntry("itemsDeleted", 0).containsEntry("itemsSentBack", 0);
    }
}
