package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.bookings.schedule.ReleaseNoShowsHandler;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestContext;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Recurring bookings through the handler: free ones or all or nothing, retries, scoped cancels, three no-shows. */
class SeriesTest {

    private final BookingsFunction fn = BookingsFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private HttpEvent series(String room, String email, String sub, String start, String end, String rule, String mode) {
        return BookingsFunction.event("create-series.json").header("idempotency-key", null).claim("email", email).claim("sub", sub)
                .body("{\"resourceId\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                        + "\",\"title\":\"Weekstart\",\"recurrence\":{\"rule\":\"" + rule + "\",\"mode\":\"" + mode + "\"}}");
    }

    private OutboxItem.Email outbox(String dedupeKey) {
        var item = fn.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(fn.aws.tableName("OutboxTable"))
                .key(Attrs.key(Outbox.pkForDedupeKey(dedupeKey), "OUTBOX")).build()).item();
        assertThat(item).as(dedupeKey).isNotEmpty();
        return (OutboxItem.Email) OutboxItems.fromItem(item);
    }

    private static Calendar calendar(OutboxItem.Email mail) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(
                new String(mail.message().attachments().get(0).content(), StandardCharsets.UTF_8)));
        assertThat(c.validate().hasErrors()).as(c.validate().toString()).isFalse();
        return c;
    }

    private String status(String id, String sub) {
        return fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id).claim("sub", sub))
                .json().path("status").asText();
    }

    @Test
    void theShippedSeriesEventBooksEveryMondayAtTenLocalTimeAcrossTheDstChange() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", null);
        String body = BookingsFunction.event("create-series.json").build().getBody().replace("01JRESOURCE0000000000000001", room);
        HttpAnswer created = fn.send(BookingsFunction.event("create-series.json").header("idempotency-key", "s-" + System.nanoTime()).body(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var booked = created.json().path("booked");
        assertThat(booked.size()).isEqualTo(8);
        List<String> starts = new ArrayList<>();
        booked.forEach(b -> starts.add(b.path("start").asText()));
        assertThat(starts.subList(0, 3)).containsExactly("2027-03-22T10:00:00+01:00", "2027-03-29T10:00:00+02:00", "2027-04-05T10:00:00+02:00");
        assertThat(created.json().path("skipped").size()).isZero();
    }

    @Test
    void freeOnesBooksTheFreeOccurrencesReportsTheOthersAndSendsOneInvitation() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", null);
        String email = BookingsFunction.unique("series") + "@example.org";
        fn.person(email, "Sem de Boer", "en");
        // someone holds 29 March 10:15-10:30
        assertThat(fn.send(BookingsFunction.booking(room, "2027-03-29T10:15:00+02:00", "2027-03-29T10:30:00+02:00", "o@example.org", "sub-o")).status()).isEqualTo(201);

        HttpEvent request = series(room, email, "sub-series", "2027-03-22T10:00:00+01:00", "2027-03-22T11:00:00+01:00",
                "FREQ=WEEKLY;COUNT=4", "free-ones").header("idempotency-key", "series-" + System.nanoTime());
        RecordedOutcomes.Mark booking = TestOutcomes.RECORDED.mark();
        HttpAnswer created = fn.send(request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("booked").size()).isEqualTo(3);
        assertThat(booking.since()).as("each occurrence booked counts").isEqualTo(Map.of(Outcome.BOOKING_MADE, 3L));
        assertThat(created.json().path("skipped").get(0).path("start").asText()).isEqualTo("2027-03-29T10:00:00+02:00");
        assertThat(created.json().path("skipped").get(0).path("type").asText()).isEqualTo("slot-taken");
        String seriesId = created.json().path("seriesId").asText();

        OutboxItem.Email invitation = outbox("bookings:series:" + seriesId + ":booked");
        assertThat(invitation.message().content().subject()).startsWith("Series booked (3 of 4x)");
        Calendar calendar = calendar(invitation);
        assertThat(calendar.getComponents("VEVENT")).hasSize(3);
        assertThat(calendar.toString()).contains("METHOD:REQUEST", "DTSTART;TZID=Europe/Amsterdam:20270405T100000");

        // the same request again: the same series and bookings as they are now, nothing booked twice
        // (a replay re-reads what was created; the skipped list of the first answer is not kept)
        RecordedOutcomes.Mark replay = TestOutcomes.RECORDED.mark();
        HttpAnswer again = fn.send(request);
        assertThat(again.status()).isEqualTo(201);
        assertThat(replay.since()).as("a replay books nothing").isEmpty();
        assertThat(again.json().path("seriesId")).isEqualTo(created.json().path("seriesId"));
        assertThat(again.json().path("booked")).isEqualTo(created.json().path("booked"));
        assertThat(again.json().path("skipped")).isEmpty();

        // cancel the second booked occurrence and the following ones: the first stays
        String first = created.json().path("booked").get(0).path("id").asText();
        String second = created.json().path("booked").get(1).path("id").asText();
        String third = created.json().path("booked").get(2).path("id").asText();
        RecordedOutcomes.Mark cancelling = TestOutcomes.RECORDED.mark();
        HttpAnswer following = fn.send(BookingsFunction.event("cancel-following.json").pathParameter("id", second)
                .path("/bookings/" + second).claim("sub", "sub-series"));
        assertThat(following.status()).as(following.toString()).isEqualTo(204);
        assertThat(status(first, "sub-series")).isEqualTo("booked");
        assertThat(status(second, "sub-series")).isEqualTo("cancelled");
        assertThat(status(third, "sub-series")).isEqualTo("cancelled");
        assertThat(cancelling.since()).isEqualTo(Map.of(Outcome.BOOKING_CANCELLED, 2L));
        HttpAnswer all = fn.send(BookingsFunction.event("cancel-following.json").pathParameter("id", first)
                .path("/bookings/" + first).claim("sub", "sub-series").queryParameter("scope", "series"));
        assertThat(all.status()).isEqualTo(204);
        assertThat(status(first, "sub-series")).isEqualTo("cancelled");
        assertThat(cancelling.since()).as("the one still booked").isEqualTo(Map.of(Outcome.BOOKING_CANCELLED, 3L));
    }

    @Test
    void movingThisAndTheFollowingOccurrencesKeepsTheLocalTimeAndReportsWhatCannotMove() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", null);
        // someone holds 12 April 11:00-11:30, where the fourth occurrence would move to
        assertThat(fn.send(BookingsFunction.booking(room, "2027-04-12T11:00:00+02:00", "2027-04-12T11:30:00+02:00", "o@example.org", "sub-o")).status()).isEqualTo(201);
        HttpAnswer created = fn.send(series(room, "move@example.org", "sub-move", "2027-03-22T10:00:00+01:00", "2027-03-22T11:00:00+01:00",
                "FREQ=WEEKLY;COUNT=4", "free-ones"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        created.json().path("booked").forEach(b -> ids.add(b.path("id").asText()));
        String second = ids.get(1);
        HttpAnswer moved = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", second).path("/bookings/" + second)
                .claim("sub", "sub-move").queryParameter("scope", "following")
                .body("{\"version\":1,\"start\":\"2027-03-29T11:00:00+02:00\",\"end\":\"2027-03-29T12:00:00+02:00\",\"title\":\"Weekstart (later)\"}"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        moved.json().path("changed").forEach(b -> starts.add(b.path("start").asText()));
        assertThat(starts).containsExactly("2027-03-29T11:00:00+02:00", "2027-04-05T11:00:00+02:00");
        assertThat(moved.json().path("skipped").get(0).path("start").asText()).isEqualTo("2027-04-12T11:00:00+02:00");
        assertThat(moved.json().path("skipped").get(0).path("type").asText()).isEqualTo("slot-taken");
        var first = fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", ids.get(0)).path("/bookings/" + ids.get(0)).claim("sub", "sub-move")).json();
        assertThat(first.path("start").asText()).isEqualTo("2027-03-22T10:00:00+01:00");
        assertThat(first.path("title").asText()).isEqualTo("Weekstart");
        var fourth = fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", ids.get(3)).path("/bookings/" + ids.get(3)).claim("sub", "sub-move")).json();
        assertThat(fourth.path("start").asText()).isEqualTo("2027-04-12T10:00:00+02:00");
        // a booking that is not part of a series has no following occurrences
        String single = fn.send(BookingsFunction.booking(room, "2027-03-26T09:00:00+01:00", "2027-03-26T10:00:00+01:00", "move@example.org", "sub-move")).json().path("id").asText();
        HttpAnswer notSeries = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", single).path("/bookings/" + single)
                .claim("sub", "sub-move").queryParameter("scope", "series").body("{\"version\":1,\"title\":\"x\"}"));
        assertThat(notSeries.status()).isEqualTo(400);
        assertThat(notSeries.problemFields()).containsExactly("scope");
    }

    @Test
    void allOrNothingBooksNothingWhenOneOccurrenceIsTaken() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", null);
        assertThat(fn.send(BookingsFunction.booking(room, "2027-04-07T14:30:00+02:00", "2027-04-07T15:00:00+02:00", "o@example.org", "sub-o")).status()).isEqualTo(201);
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer refused = fn.send(series(room, "aon@example.org", "sub-aon", "2027-03-24T14:00:00+01:00", "2027-03-24T15:00:00+01:00",
                "FREQ=WEEKLY;COUNT=5", "all-or-nothing"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(mark.since()).as("nothing booked").isEmpty();
        assertThat(refused.json().path("type").asText()).endsWith("/series-conflicts");
        assertThat(refused.json().path("occurrences").size()).isEqualTo(1);
        assertThat(refused.json().path("occurrences").get(0).path("start").asText()).isEqualTo("2027-04-07T14:00:00+02:00");
        assertThat(refused.json().path("occurrences").get(0).path("conflict").path("start").asText()).isEqualTo("2027-04-07T14:30:00+02:00");
        HttpAnswer agenda = fn.send(BookingsFunction.event("resource-agenda.json").pathParameter("id", room).path("/resources/" + room + "/agenda")
                .queryParameter("from", "2027-03-01T00:00:00Z").queryParameter("to", "2027-06-01T00:00:00Z"));
        assertThat(agenda.json().path("items").size()).as("only the other person's booking").isEqualTo(1);
        // a rule outside the subset is a 400 naming the field
        HttpAnswer bad = fn.send(series(room, "aon@example.org", "sub-aon", "2027-03-24T14:00:00+01:00", "2027-03-24T15:00:00+01:00",
                "FREQ=HOURLY;COUNT=5", "free-ones"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactly("recurrence.rule");
    }

    @Test
    void aSeriesCutShortByTheHorizonSaysWhichOccurrencesWereNotBookedAndWhy() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", "{\"horizonDays\":14}");
        String email = BookingsFunction.unique("horizon") + "@example.org";
        fn.person(email, "Hanna Oost", "nl");
        // now is Monday 22 March 09:00: the horizon ends 5 April 10:00; five Tuesdays from 23 March
        HttpAnswer created = fn.send(series(room, email, "sub-horizon", "2027-03-23T10:00:00+01:00", "2027-03-23T11:00:00+01:00",
                "FREQ=WEEKLY;COUNT=5", "free-ones"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("booked")).hasSize(2);
        List<String> skipped = new ArrayList<>();
        created.json().path("skipped").forEach(k -> {
            assertThat(k.path("type").asText()).isEqualTo("booking-too-far-ahead");
            assertThat(k.path("detail").asText()).contains("14 days ahead");
            skipped.add(k.path("start").asText());
        });
        assertThat(skipped).containsExactly("2027-04-06T10:00:00+02:00", "2027-04-13T10:00:00+02:00", "2027-04-20T10:00:00+02:00");
        OutboxItem.Email mail = outbox("bookings:series:" + created.json().path("seriesId").asText() + ":booked");
        assertThat(mail.message().content().subject()).startsWith("Reeks geboekt (2 van 5x)");
        assertThat(mail.message().content().text()).contains("3 keer kon niet geboekt worden", "dinsdag 6 april 2027",
                "dinsdag 20 april 2027", "verder vooruit dan deze ruimte geboekt kan worden");
        // all or nothing books none of them, and says why
        HttpAnswer none = fn.send(series(room, email, "sub-horizon", "2027-03-24T10:00:00+01:00", "2027-03-24T11:00:00+01:00",
                "FREQ=WEEKLY;COUNT=3", "all-or-nothing"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().path("occurrences").get(0).path("type").asText()).isEqualTo("booking-too-far-ahead");
        // a rule that gives more than may be booked at once is refused, not cut short
        HttpAnswer tooMany = fn.send(series(room, email, "sub-horizon", "2027-03-24T14:00:00+01:00", "2027-03-24T15:00:00+01:00",
                "FREQ=DAILY;UNTIL=20271231T000000Z", "free-ones"));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.json().path("type").asText()).endsWith("/series-too-long");
    }

    @Test
    void threeNoShowsEndTheSeriesAndTheOrganiserIsToldOnce() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "", null);
        String email = BookingsFunction.unique("missing") + "@example.org";
        fn.person(email, "Mila Bakker", "nl");
        HttpAnswer created = fn.send(series(room, email, "sub-missing", "2027-03-23T10:00:00+01:00", "2027-03-23T11:00:00+01:00",
                "FREQ=WEEKLY;COUNT=5", "free-ones"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String seriesId = created.json().path("seriesId").asText();
        List<String> ids = new ArrayList<>();
        created.json().path("booked").forEach(b -> ids.add(b.path("id").asText()));
        assertThat(ids).hasSize(5);

        ReleaseNoShowsHandler handler = new ReleaseNoShowsHandler();
        try {
            for (String tick : List.of("2027-03-23T09:20:00Z", "2027-03-30T08:20:00Z", "2027-04-06T08:20:00Z", "2027-04-06T08:20:00Z")) {
                TestClock.INSTANCE.set(Instant.parse(tick).plusSeconds(3));
                handler.handleRequest(Map.of("scheduledTime", tick), TestContext.forFunction(fn.aws.template(), "ReleaseNoShowsFunction"));
            }
        } finally {
            handler.close();
        }
        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(status(id, "sub-missing")).isEqualTo("released"));
        assertThat(ids.subList(3, 5)).allSatisfy(id -> assertThat(status(id, "sub-missing")).isEqualTo("cancelled"));
        OutboxItem.Email ended = outbox("bookings:series-ended:" + seriesId);
        assertThat(ended.message().content().subject()).startsWith("Reeks beëindigd na 3 keer niet ingecheckt");
        Calendar calendar = calendar(ended);
        assertThat(calendar.toString()).contains("METHOD:CANCEL");
        assertThat(calendar.getComponents("VEVENT")).hasSize(2);
        assertThat(fn.outboxTo(email).stream().filter(i -> i.toString().contains("beëindigd")).count()).isEqualTo(1);
    }
}
