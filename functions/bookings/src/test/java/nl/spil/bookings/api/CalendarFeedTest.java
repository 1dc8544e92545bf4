package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.bookings.feed.CalendarFeedHandler;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Subscribable feeds: a person's and a room's, behind a secret token, revocable, read by the feed function's handler. */
class CalendarFeedTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static CalendarFeedHandler feeds;

    @AfterAll
    static void close() {
        if (feeds != null) {
            feeds.close();
        }
    }

    private static APIGatewayV2HTTPResponse read(String tokenAsInPath) {
        if (feeds == null) {
            feeds = new CalendarFeedHandler();
        }
        var event = BookingsFunction.event("get-calendar-feed.json").pathParameter("feedToken", tokenAsInPath)
                .path("/calendar/" + tokenAsInPath).build();
        return feeds.handleRequest(event, TestContext.forFunction(FN.aws.template(), "CalendarFeedFunction"));
    }

    private static Calendar parse(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        assertThat(c.validate().hasErrors()).as(c.validate().toString()).isFalse();
        return c;
    }

    @Test
    void aPersonsFeedHasTheirBookingsUntilItIsRevoked() throws Exception {
        String site = FN.site("Europe/Amsterdam");
        String room = FN.room(site, 4, "", null);
        String a = FN.send(BookingsFunction.booking(room, "2027-03-24T09:00:00+01:00", "2027-03-24T10:00:00+01:00", "feed@example.org", "sub-feed")).json().path("id").asText();
        String b = FN.send(BookingsFunction.booking(room, "2027-04-14T09:00:00+02:00", "2027-04-14T10:00:00+02:00", "feed@example.org", "sub-feed")).json().path("id").asText();
        String other = FN.send(BookingsFunction.booking(room, "2027-03-24T11:00:00+01:00", "2027-03-24T12:00:00+01:00", "else@example.org", "sub-else")).json().path("id").asText();

        HttpAnswer created = FN.send(BookingsFunction.event("create-calendar-feed.json").claim("sub", "sub-feed")
                .header("idempotency-key", "feed-" + System.nanoTime()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().path("token").asText();
        String id = created.json().path("id").asText();
        assertThat(created.json().path("kind").asText()).isEqualTo("person");
        assertThat(created.json().path("path").asText()).isEqualTo("/calendar/" + token);

        APIGatewayV2HTTPResponse feed = read(token + ".ics");
        assertThat(feed.getStatusCode()).isEqualTo(200);
        assertThat(feed.getHeaders().get("Content-Type")).startsWith("text/calendar");
        Calendar calendar = parse(feed.getBody());
        assertThat(calendar.toString()).contains("METHOD:PUBLISH", "UID:" + a + "@spil", "UID:" + b + "@spil").doesNotContain(other);

        // someone else cannot revoke it; the owner can, and then the address is gone
        assertThat(FN.send(BookingsFunction.event("revoke-calendar-feed.json").pathParameter("id", id)
                .path("/calendar/feeds/" + id).groups("staff").claim("sub", "sub-else")).status()).isEqualTo(403);
        assertThat(FN.send(BookingsFunction.event("revoke-calendar-feed.json").pathParameter("id", id)
                .path("/calendar/feeds/" + id).groups("staff").claim("sub", "sub-feed")).status()).isEqualTo(204);
        assertThat(read(token).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aRoomsFeedHasItsAgendaAndForgedTokensFindNothing() throws Exception {
        String site = FN.site("Europe/Amsterdam");
        String room = FN.room(site, 4, "", null);
        String a = FN.send(BookingsFunction.booking(room, "2027-03-25T09:00:00+01:00", "2027-03-25T10:00:00+01:00", "x@example.org", "sub-x")).json().path("id").asText();
        HttpAnswer created = FN.send(BookingsFunction.event("create-calendar-feed.json").header("idempotency-key", null)
                .body("{\"resourceId\":\"" + room + "\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        APIGatewayV2HTTPResponse feed = read(created.json().path("token").asText());
        assertThat(parse(feed.getBody()).toString()).contains("UID:" + a + "@spil");

        assertThat(read("q3Jd8vZ0mN5xW2aB7cE9fG1hK4lP6rS8tU0vX2yZ4aB.ics").getStatusCode()).isEqualTo(404); // the shipped event's token
        assertThat(read("short").getStatusCode()).isEqualTo(404);
        assertThat(FN.send(BookingsFunction.event("create-calendar-feed.json").header("idempotency-key", null)
                .body("{\"resourceId\":\"nope\"}")).status()).isEqualTo(400);
    }
}
