package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.spil.bookings.events.PersonLeftHandler;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Someone leaves: the directory's PersonLeft event (events/bookings/person-left.json) through the
 * PersonLeftFunction's handler. Their feeds stop, their bookings that have not ended are cancelled
 * (the room is free again), every booking and series of theirs keeps no e-mail, title or notes,
 * nobody is e-mailed, and the same event delivered again does nothing more.
 */
class PersonLeftTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static PersonLeftHandler handler;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @AfterAll
    static void close() {
        if (handler != null) {
            handler.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deliver(String eventId, String sub) {
        if (handler == null) {
            handler = new PersonLeftHandler();
        }
        Map<String, Object> event = Events.load("bookings/person-left.json", Map.class);
        Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("eventId", eventId);
        if (sub == null) {
            detail.remove("sub");
        } else {
            detail.put("sub", sub);
        }
        event.put("detail", detail);
        return handler.handleRequest(event, TestContext.forFunction(FN.aws.template(), "PersonLeftFunction"));
    }

    private static JsonNode asOfficeManager(String id) {
        HttpAnswer answer = FN.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .groups("office-manager").claim("sub", "sub-om"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theirFeedsStopTheirComingBookingsAreCancelledAndEveryBookingKeepsNoName() {
        String site = FN.site("Europe/Amsterdam");
        String room = FN.room(site, 4, "", null);
        String sub = BookingsFunction.unique("sub-leaver");
        String email = BookingsFunction.unique("leaver") + "@example.org";
        FN.person(email, "Lea Ver", "nl");
        String past = FN.send(BookingsFunction.booking(room, "2027-03-23T10:00:00+01:00", "2027-03-23T11:00:00+01:00", email, sub))
                .json().path("id").asText();
        String coming = FN.send(BookingsFunction.booking(room, "2027-03-30T10:00:00+02:00", "2027-03-30T11:00:00+02:00", email, sub))
                .json().path("id").asText();
        HttpAnswer series = FN.send(BookingsFunction.event("create-series.json").claim("sub", sub).claim("email", email)
                .header("idempotency-key", null).body(BookingsFunction.event("create-series.json").build().getBody()
                        .replace("01JRESOURCE0000000000000001", room).replace("COUNT=8", "COUNT=3")
                        .replace("2027-03-22T10:00", "2027-03-29T10:00").replace("2027-03-22T10:30", "2027-03-29T10:30")
                        .replace("+01:00", "+02:00")));
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        String seriesId = series.json().path("seriesId").asText();
        String token = FN.send(BookingsFunction.event("create-calendar-feed.json").claim("sub", sub).header("idempotency-key", null))
                .json().path("token").asText();
        int mailsBefore = FN.outboxTo(email).size();

        TestClock.INSTANCE.set(Instant.parse("2027-03-24T12:00:00Z"));
        Map<String, Object> receipt = deliver(BookingsFunction.unique("01JEVENT"), sub);
        assertThat(receipt).containsEntry("alreadyHandled", false).containsEntry("feedsRevoked", 1)
                .containsEntry("bookingsCancelled", 4).containsEntry("bookingsForgotten", 5).containsEntry("seriesForgotten", 1);

        // the feed stops
        assertThat(FN.send(BookingsFunction.event("list-calendar-feeds.json").claim("sub", sub)).json().path("items")).isEmpty();
        // the coming booking is cancelled and its room free for someone else
        assertThat(asOfficeManager(coming).path("status").asText()).isEqualTo("cancelled");
        assertThat(FN.send(BookingsFunction.booking(room, "2027-03-30T10:00:00+02:00", "2027-03-30T11:00:00+02:00",
                "colleague@example.org", "sub-colleague")).status()).isEqualTo(201);
        // every booking of theirs keeps its time and room, and nothing of them
        for (String id : new String[] {past, coming, series.json().path("booked").get(0).path("id").asText()}) {
            JsonNode b = asOfficeManager(id);
            assertThat(b.path("organiserEmail").asText()).as(id).isEmpty();
            assertThat(b.path("title").asText()).as(id).isEmpty();
            assertThat(b.has("notes")).as(id).isFalse();
            assertThat(b.path("resourceId").asText()).isEqualTo(room);
        }
        HttpAnswer pastDay = FN.send(BookingsFunction.event("day-overview.json").queryParameter("site", site)
                .queryParameter("date", "2027-03-23"));
        assertThat(pastDay.json().path("items")).hasSize(1);
        assertThat(pastDay.body()).doesNotContain(email, "Overleg", "Koffie");
        Map<String, AttributeValue> seriesItem = FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.table())
                .key(Map.of("pk", AttributeValue.fromS("SERIES#" + seriesId), "sk", AttributeValue.fromS("SERIES"))).build()).item();
        assertThat(seriesItem.get("organiserEmail").s()).isEmpty();
        assertThat(seriesItem.get("ended").bool()).isTrue();
        // nobody was e-mailed about it
        assertThat(FN.outboxTo(email)).hasSize(mailsBefore);

        // the same event again (EventBridge delivers at least once): nothing more happens
        Map<String, Object> again = deliver((String) receipt.get("eventId"), sub);
        assertThat(again).containsEntry("alreadyHandled", true).containsEntry("bookingsForgotten", 0);
        assertThat(token).hasSize(43);
    }

    @Test
    void someoneWhoNeverSignedInHasNothingToForget() {
        Map<String, Object> receipt = deliver(BookingsFunction.unique("01JEVENT"), null);
        assertThat(receipt).containsEntry("alreadyHandled", false).containsEntry("feedsRevoked", 0)
                .containsEntry("bookingsForgotten", 0);
    }
}
