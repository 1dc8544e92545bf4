package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * Every create of the bookings function replayed with its Idempotency-Key: the thing as it is now
 * (read again, the idempotency record keeps only its id), never a secret shown once, and a 410
 * that answers nothing of it once it was deleted since.
 */
class ReplayTest {

    private static final BookingsFunction FN = BookingsFunction.get();

    private static HttpAnswer created(HttpEvent create) {
        HttpAnswer first = FN.send(create);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        return first;
    }

    private static void gone(HttpEvent replay, String... neverAnswered) {
        HttpAnswer answer = FN.send(replay);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(410);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).doesNotContain(neverAnswered);
    }

    private static void deleteItem(String pk, String sk) {
        FN.aws.dynamoDb().deleteItem(DeleteItemRequest.builder().tableName(FN.table())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).build());
    }

    @Test
    void aBookingReplayedAnswersItAsItIsNowAndIsGoneOnceItExpired() {
        String room = FN.room(FN.site("Europe/Amsterdam"), 4, "", null);
        HttpEvent create = BookingsFunction.booking(room, "2027-03-26T13:00:00+01:00", "2027-03-26T14:00:00+01:00",
                "replay@example.org", "sub-replay").header("idempotency-key", "replay-" + System.nanoTime());
        HttpAnswer first = created(create);
        String id = first.json().path("id").asText();
        assertThat(FN.send(create).body()).isEqualTo(first.body());
        assertThat(FN.send(create).header("Location")).isEqualTo("/bookings/" + id);
        // cancelled since: the replay says so, it does not pretend it is still booked
        assertThat(FN.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .claim("sub", "sub-replay")).status()).isEqualTo(204);
        HttpAnswer afterCancel = FN.send(create);
        assertThat(afterCancel.status()).isEqualTo(201);
        assertThat(afterCancel.json().path("status").asText()).isEqualTo("cancelled");
        // its retention ended (the table's TTL removed it): 410, none of its data
        deleteItem("BOOKING#" + id, "BOOKING");
        gone(create, "replay@example.org", "Overleg", "Koffie");
    }

    @Test
    void aResourceReplayedAfterItWasRemovedIsGone() {
        String site = FN.site("Europe/Amsterdam");
        HttpEvent create = BookingsFunction.event("create-resource.json").header("idempotency-key", "replay-res-" + System.nanoTime())
                .body(BookingsFunction.event("create-resource.json").build().getBody().replace("01JSITE000000000000000000A", site));
        HttpAnswer first = created(create);
        String id = first.json().path("id").asText();
        assertThat(FN.send(create).body()).isEqualTo(first.body());
        assertThat(FN.send(BookingsFunction.event("delete-resource.json").pathParameter("id", id).path("/resources/" + id))
                .status()).isEqualTo(204);
        gone(create, id, "Rembrandt");
    }

    @Test
    void aFeedReplayedNeverAnswersItsTokenAgainAndIsGoneOnceRevoked() {
        HttpEvent create = BookingsFunction.event("create-calendar-feed.json").claim("sub", "sub-replay-feed")
                .header("idempotency-key", "replay-feed-" + System.nanoTime());
        HttpAnswer first = created(create);
        String token = first.json().path("token").asText();
        String id = first.json().path("id").asText();
        assertThat(token).hasSize(43);
        HttpAnswer again = FN.send(create);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(again.json().has("token")).isFalse();
        assertThat(again.json().has("path")).isFalse();
        assertThat(again.body()).doesNotContain(token);
        assertThat(FN.send(BookingsFunction.event("revoke-calendar-feed.json").pathParameter("id", id)
                .path("/calendar/feeds/" + id).claim("sub", "sub-replay-feed")).status()).isEqualTo(204);
        gone(create, token, id);
    }

    @Test
    void aSeriesReplayedAnswersItsOccurrencesStillBookedAndIsGoneOnceItExpired() {
        String room = FN.room(FN.site("Europe/Amsterdam"), 4, "", null);
        String body = BookingsFunction.event("create-series.json").build().getBody().replace("01JRESOURCE0000000000000001", room)
                .replace("COUNT=8", "COUNT=2");
        HttpEvent create = BookingsFunction.event("create-series.json").claim("sub", "sub-replay-series")
                .header("idempotency-key", "replay-series-" + System.nanoTime()).body(body);
        HttpAnswer first = created(create);
        String seriesId = first.json().path("seriesId").asText();
        String second = first.json().path("booked").get(1).path("id").asText();
        assertThat(FN.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", second).path("/bookings/" + second)
                .claim("sub", "sub-replay-series")).status()).isEqualTo(204);
        HttpAnswer again = FN.send(create);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("seriesId").asText()).isEqualTo(seriesId);
        assertThat(again.json().path("booked")).hasSize(1);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        deleteItem("SERIES#" + seriesId, "SERIES");
        gone(create, "Weekstart");
    }
}
