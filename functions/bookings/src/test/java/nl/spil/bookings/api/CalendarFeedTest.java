package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.bookings.feed.CalendarFeedHandler;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscribable feeds: a person's and a room's, behind a secret token, read by the feed function's
 * handler. A feed records who made it and when, expires (a year unless asked for less) and is
 * renewed, is listed and revoked by its owner only; a room's feed is for the office manager and
 * reception and carries no preparation notes; an empty one is still a valid calendar.
 */
class CalendarFeedTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static CalendarFeedHandler feeds;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

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

    /** Parsed and validated by ical4j as a strict calendar client would. */
    private static Calendar parse(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        assertThat(c.validate().hasErrors()).as(c.validate().toString()).isFalse();
        return c;
    }

    private static HttpAnswer create(String sub, String body) {
        return FN.send(BookingsFunction.event("create-calendar-feed.json").claim("sub", sub).header("idempotency-key", null)
                .body(body));
    }

    private static HttpEvent revoke(String id, String sub) {
        return BookingsFunction.event("revoke-calendar-feed.json").pathParameter("id", id).path("/calendar/feeds/" + id)
                .groups("staff").claim("sub", sub);
    }

    @Test
    void aPersonsFeedHasTheirBookingsWithNotesUntilItIsRevoked() throws Exception {
        String room = FN.room(FN.site("Europe/Amsterdam"), 4, "", null);
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
        assertThat(created.json().path("createdAt").asText()).isEqualTo("2027-03-22T08:00:00Z");
        assertThat(created.json().path("expiresAt").asText()).isEqualTo("2028-03-21T08:00:00Z");

        APIGatewayV2HTTPResponse feed = read(token + ".ics");
        assertThat(feed.getStatusCode()).isEqualTo(200);
        assertThat(feed.getHeaders().get("Content-Type")).startsWith("text/calendar");
        String calendar = parse(feed.getBody()).toString();
        assertThat(calendar).contains("METHOD:PUBLISH", "UID:" + a + "@spil", "UID:" + b + "@spil", "DESCRIPTION:Koffie voor 4")
                .doesNotContain(other);

        // someone else cannot revoke it, and is told nothing more than for a missing one; the owner can
        assertThat(FN.send(revoke(id, "sub-else")).status()).isEqualTo(404);
        assertThat(FN.send(revoke(id, "sub-feed")).status()).isEqualTo(204);
        assertThat(read(token).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aRoomsFeedIsForTheOfficeManagerAndReceptionAndCarriesNoNotes() throws Exception {
        String room = FN.room(FN.site("Europe/Amsterdam"), 4, "", null);
        String a = FN.send(BookingsFunction.booking(room, "2027-03-25T09:00:00+01:00", "2027-03-25T10:00:00+01:00", "x@example.org", "sub-x")).json().path("id").asText();
        HttpAnswer byStaff = create("sub-staff", "{\"resourceId\":\"" + room + "\"}");
        assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(403);

        HttpAnswer byReception = FN.send(BookingsFunction.event("create-room-feed.json").header("idempotency-key", null)
                .body(BookingsFunction.event("create-room-feed.json").build().getBody().replace("01JRESOURCE0000000000000001", room)));
        assertThat(byReception.status()).as(byReception.toString()).isEqualTo(201);
        assertThat(byReception.json().path("kind").asText()).isEqualTo("resource");
        assertThat(byReception.json().path("expiresAt").asText()).isEqualTo("2027-06-20T08:00:00Z");
        String calendar = parse(read(byReception.json().path("token").asText()).getBody()).toString();
        assertThat(calendar).contains("UID:" + a + "@spil", "SUMMARY:Overleg")
                .doesNotContain("DESCRIPTION", "Koffie", "x@example.org", "ATTENDEE");

        assertThat(read("q3Jd8vZ0mN5xW2aB7cE9fG1hK4lP6rS8tU0vX2yZ4aB.ics").getStatusCode()).isEqualTo(404); // the shipped event's token
        assertThat(read("short").getStatusCode()).isEqualTo(404);
        assertThat(FN.send(BookingsFunction.event("create-room-feed.json").header("idempotency-key", null)
                .body("{\"resourceId\":\"nope\"}")).status()).isEqualTo(400);
    }

    @Test
    void theFeedOfARoomWithNoBookingsIsAValidCalendar() throws Exception {
        String room = FN.room(FN.site("America/New_York"), 4, "", null);
        HttpAnswer created = FN.send(BookingsFunction.event("create-calendar-feed.json").groups("office-manager")
                .claim("sub", "sub-om-empty").header("idempotency-key", null).body("{\"resourceId\":\"" + room + "\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Calendar calendar = parse(read(created.json().path("token").asText()).getBody());
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
        assertThat(calendar.toString()).contains("TZID:America/New_York");
        // and so is a person's without bookings
        HttpAnswer mine = create("sub-nobody-" + System.nanoTime(), "{}");
        assertThat(parse(read(mine.json().path("token").asText()).getBody()).getComponents("VEVENT")).isEmpty();
    }

    @Test
    void aFeedExpiresIsRenewedAndIsListedByItsOwnerOnly() {
        String sub = BookingsFunction.unique("sub-lister");
        HttpAnswer shortFeed = create(sub, "{\"validForDays\":1}");
        assertThat(shortFeed.status()).as(shortFeed.toString()).isEqualTo(201);
        String id = shortFeed.json().path("id").asText();
        String token = shortFeed.json().path("token").asText();
        HttpAnswer yearly = create(sub, "{}");
        assertThat(create(sub, "{\"validForDays\":400}").problemFields()).containsExactly("validForDays");

        HttpAnswer listed = FN.send(BookingsFunction.event("list-calendar-feeds.json").claim("sub", sub));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(2);
        assertThat(listed.body()).contains(id, yearly.json().path("id").asText()).doesNotContain(token, "\"token\"");
        assertThat(FN.send(BookingsFunction.event("list-calendar-feeds.json").claim("sub", "sub-someone-else")).body())
                .doesNotContain(id);

        TestClock.INSTANCE.set(TestClock.DEFAULT.plus(Duration.ofDays(2)));
        assertThat(read(token).getStatusCode()).as("expired").isEqualTo(404);
        HttpEvent renew = BookingsFunction.event("renew-calendar-feed.json").pathParameter("id", id)
                .path("/calendar/feeds/" + id + "/renew");
        assertThat(FN.send(renew.claim("sub", "sub-someone-else")).status()).isEqualTo(404);
        HttpAnswer renewed = FN.send(renew.claim("sub", sub));
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(Instant.parse(renewed.json().path("expiresAt").asText()))
                .isEqualTo(TestClock.DEFAULT.plus(Duration.ofDays(2 + 365)));
        assertThat(renewed.json().has("token")).isFalse();
        assertThat(read(token).getStatusCode()).as("renewed").isEqualTo(200);
    }
}
