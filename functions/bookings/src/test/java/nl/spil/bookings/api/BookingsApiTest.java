package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The bookings routes through the real handler, driven by the events in events/bookings. */
class BookingsApiTest {

    private final BookingsFunction fn = BookingsFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private String staffEmail() {
        return BookingsFunction.unique("sanne") + "@example.org";
    }

    private OutboxItem.Email outboxEmail(String bookingId, int sequence) {
        var item = fn.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(fn.aws.tableName("OutboxTable"))
                .key(Attrs.key(Outbox.pkForDedupeKey("bookings:" + bookingId + ":" + sequence), "OUTBOX")).build()).item();
        assertThat(item).as("outbox e-mail of %s sequence %d", bookingId, sequence).isNotEmpty();
        return (OutboxItem.Email) OutboxItems.fromItem(item);
    }

    private static Calendar parse(Attachment ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.content(), StandardCharsets.UTF_8)));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    @Test
    void theWholeLifeOfABookingThroughTheEvents() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        String email = staffEmail();
        fn.person(email, "Sanne de Vries", "en");
        String room = theOfficeManagerAddsTheRoom(site);
        assertThat(free(site, null, null)).contains(room);
        // 29 March 2027 10:00-11:00 Amsterdam (the day after the DST change: +02:00)
        String id = sheBooksIt(room, email);
        theInvitationIsInHerLanguageWithAValidRequest(id, email);
        assertThat(free(site, null, null)).doesNotContain(room);
        assertThat(free(site, "2027-03-29T11:00:00+02:00", "2027-03-29T12:00:00+02:00")).contains(room);
        sheTheRoomsAgendaAndTheOfficeManagerSeeIt(id, room, site, email);
        sheMovesItToTwoOClock(id, site, room);
        receptionChecksItInWithinTheWindow(id);
        sheCancelsIt(id, site);
        theOfficeManagerChangesAndRemovesTheRoom(room, site);
    }

    private String theOfficeManagerAddsTheRoom(String site) {
        String body = BookingsFunction.event("create-resource.json").build().getBody().replace("01JSITE000000000000000000A", site);
        HttpAnswer created = fn.send(BookingsFunction.event("create-resource.json")
                .header("idempotency-key", "res-" + System.nanoTime()).body(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String room = created.json().path("id").asText();
        assertThat(created.json().path("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(created.json().path("rules").path("maxMinutes").asInt()).isEqualTo(240);
        assertThat(created.json().path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        HttpAnswer listed = fn.send(BookingsFunction.event("list-resources.json").queryParameter("site", site));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items").get(0).path("id").asText()).isEqualTo(room);
        HttpAnswer got = fn.send(BookingsFunction.event("get-resource.json").pathParameter("id", room).path("/resources/" + room));
        assertThat(got.json().path("features").toString()).isEqualTo("[\"screen\",\"video\",\"whiteboard\"]");
        return room;
    }

    private String free(String site, String start, String end) {
        var search = BookingsFunction.event("availability.json").queryParameter("site", site);
        if (start != null) {
            search.queryParameter("start", start).queryParameter("end", end);
        }
        HttpAnswer answer = fn.send(search);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("start").asText()).isEqualTo(start == null ? "2027-03-29T10:00:00+02:00" : start);
        return answer.json().path("free").toString();
    }

    private String sheBooksIt(String room, String email) {
        String body = BookingsFunction.event("create-booking.json").build().getBody().replace("01JRESOURCE0000000000000001", room);
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer booked = fn.send(BookingsFunction.event("create-booking.json").claim("email", email)
                .header("idempotency-key", "b-" + System.nanoTime()).body(body));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(mark.since()).isEqualTo(Map.of(Outcome.BOOKING_MADE, 1L));
        JsonNode b = booked.json();
        String id = b.path("id").asText();
        assertThat(booked.header("Location")).isEqualTo("/bookings/" + id);
        // every instant with seconds (RFC 3339), in the site's offset
        assertThat(b.path("start").asText()).isEqualTo("2027-03-29T10:00:00+02:00");
        assertThat(b.path("end").asText()).isEqualTo("2027-03-29T11:00:00+02:00");
        assertThat(b.path("checkInClosesAt").asText()).isEqualTo("2027-03-29T10:15:00+02:00");
        assertThat(b.path("status").asText()).isEqualTo("booked");
        return id;
    }

    private void theInvitationIsInHerLanguageWithAValidRequest(String id, String email) throws Exception {
        OutboxItem.Email invitation = outboxEmail(id, 0);
        assertThat(invitation.message().to().address()).isEqualTo(email);
        assertThat(invitation.message().content().subject()).startsWith("Booked: ").contains("Monday 29 March 2027 at 10:00");
        String ics = parse(invitation.message().attachments().get(0)).toString();
        assertThat(ics).contains("METHOD:REQUEST", "UID:" + id + "@spil", "SEQUENCE:0", "BEGIN:VTIMEZONE",
                "TZID:Europe/Amsterdam", "DTSTART;TZID=Europe/Amsterdam:20270329T100000");
    }

    private void sheTheRoomsAgendaAndTheOfficeManagerSeeIt(String id, String room, String site, String email) {
        HttpAnswer mine = fn.send(BookingsFunction.event("list-bookings.json").claim("email", email));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.body()).contains(id);
        // the agenda shows a colleague when the room is busy, nothing of whom or what
        HttpAnswer agenda = fn.send(BookingsFunction.event("resource-agenda.json").pathParameter("id", room)
                .path("/resources/" + room + "/agenda").claim("sub", "sub-colleague"));
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        JsonNode busy = agenda.json().path("items").get(0);
        assertThat(busy.path("start").asText()).isEqualTo("2027-03-29T10:00:00+02:00");
        assertThat(busy.path("mine").asBoolean()).isFalse();
        assertThat(agenda.body()).doesNotContain(id, email, "Kwartaaloverleg", "Koffie");
        HttpAnswer day = fn.send(BookingsFunction.event("day-overview.json").queryParameter("site", site));
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().path("items").get(0).path("notes").asText()).isEqualTo("Koffie en thee voor 8, U-opstelling");
        assertThat(day.json().path("items").get(0).path("start").asText()).isEqualTo("2027-03-29T10:00:00+02:00");
        HttpAnswer one = fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
    }

    private void sheMovesItToTwoOClock(String id, String site, String room) throws Exception {
        // the 10:00 slots are freed, an update e-mail with SEQUENCE 1
        HttpAnswer moved = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("start").asText()).isEqualTo("2027-03-29T14:00:00+02:00");
        assertThat(moved.json().path("version").asInt()).isEqualTo(2);
        assertThat(parse(outboxEmail(id, 1).message().attachments().get(0)).toString()).contains("SEQUENCE:1", "METHOD:REQUEST");
        assertThat(free(site, null, null)).contains(room);
        HttpAnswer stale = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(stale.status()).isEqualTo(412);
    }

    private void receptionChecksItInWithinTheWindow(String id) {
        // the window is 13:45-14:15
        TestClock.INSTANCE.set(Instant.parse("2027-03-29T12:05:00Z"));
        HttpAnswer checkedIn = fn.send(BookingsFunction.event("check-in.json").pathParameter("id", id)
                .path("/bookings/" + id + "/check-in"));
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().path("checkedInAt").asText()).isEqualTo("2027-03-29T14:05:00+02:00");
        TestClock.INSTANCE.reset();
    }

    private void sheCancelsIt(String id, String site) throws Exception {
        // 204, slots free, CANCEL with SEQUENCE 2
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer cancelled = fn.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        HttpAnswer again = fn.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(mark.since()).as("the refused second cancel counts nothing").isEqualTo(Map.of(Outcome.BOOKING_CANCELLED, 1L));
        assertThat(parse(outboxEmail(id, 2).message().attachments().get(0)).toString())
                .contains("METHOD:CANCEL", "SEQUENCE:2", "STATUS:CANCELLED");
        assertThat(fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id))
                .json().path("status").asText()).isEqualTo("cancelled");
        assertThat(fn.send(BookingsFunction.event("day-overview.json").queryParameter("site", site)).json().path("items").size()).isZero();
    }

    private void theOfficeManagerChangesAndRemovesTheRoom(String room, String site) {
        HttpAnswer updated = fn.send(BookingsFunction.event("update-resource.json").pathParameter("id", room)
                .path("/resources/" + room).body(BookingsFunction.event("update-resource.json").build().getBody()
                        .replace("01JSITE000000000000000000A", site)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("capacity").asInt()).isEqualTo(12);
        HttpAnswer removed = fn.send(BookingsFunction.event("delete-resource.json").pathParameter("id", room).path("/resources/" + room));
        assertThat(removed.status()).isEqualTo(204);
        assertThat(fn.send(BookingsFunction.event("get-resource.json").pathParameter("id", room).path("/resources/" + room)).status())
                .isEqualTo(404);
    }

    @Test
    void anOverlappingBookingIs409NamingTheTakenSlot() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "\"video\"", null);
        HttpAnswer first = fn.send(BookingsFunction.booking(room, "2027-03-24T10:00:00+01:00", "2027-03-24T11:00:00+01:00", "a@example.org", "sub-a"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        RecordedOutcomes.Mark refused = TestOutcomes.RECORDED.mark();
        HttpAnswer second = fn.send(BookingsFunction.booking(room, "2027-03-24T10:30:00+01:00", "2027-03-24T12:00:00+01:00", "b@example.org", "sub-b"));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(refused.since()).as("a refused booking is no booking made").isEmpty();
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().path("type").asText()).endsWith("/slot-taken");
        assertThat(second.json().path("conflict").path("resourceId").asText()).isEqualTo(room);
        assertThat(second.json().path("conflict").path("start").asText()).isEqualTo("2027-03-24T10:30:00+01:00");
        assertThat(second.json().path("conflict").path("end").asText()).isEqualTo("2027-03-24T10:45:00+01:00");
        // DynamoDB returns the slot item that failed its condition: the problem names the booking holding it
        assertThat(second.json().path("conflict").path("bookingId").asText()).isEqualTo(first.json().path("id").asText());
        // back to back is fine
        assertThat(fn.send(BookingsFunction.booking(room, "2027-03-24T11:00:00+01:00", "2027-03-24T12:00:00+01:00", "b@example.org", "sub-b")).status())
                .isEqualTo(201);
        // a reschedule onto a taken slot is refused the same way
        HttpAnswer third = fn.send(BookingsFunction.booking(room, "2027-03-24T14:00:00+01:00", "2027-03-24T15:00:00+01:00", "c@example.org", "sub-c"));
        String id = third.json().path("id").asText();
        HttpAnswer clash = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .claim("sub", "sub-c").body("{\"version\":1,\"start\":\"2027-03-24T10:45:00+01:00\",\"end\":\"2027-03-24T11:15:00+01:00\"}"));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.json().path("conflict").path("start").asText()).isEqualTo("2027-03-24T10:45:00+01:00");
        // shifting a booking by a quarter within its own slots works (it does not conflict with itself)
        HttpAnswer shift = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .claim("sub", "sub-c").body("{\"version\":1,\"start\":\"2027-03-24T14:15:00+01:00\",\"end\":\"2027-03-24T15:15:00+01:00\"}"));
        assertThat(shift.status()).as(shift.toString()).isEqualTo(200);
    }

    @Test
    void eachBrokenRuleIsA422OfItsOwnType() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", "{\"maxMinutes\":60,\"horizonDays\":30,\"noticeMinutes\":60,\"opens\":\"08:00\",\"closes\":\"18:00\"}");
        Map<String, String[]> cases = Map.of(
                "booking-too-long", new String[] {"2027-03-23T10:00:00+01:00", "2027-03-23T11:30:00+01:00"},
                "booking-too-far-ahead", new String[] {"2027-05-03T10:00:00+02:00", "2027-05-03T11:00:00+02:00"},
                "booking-too-soon", new String[] {"2027-03-22T09:15:00+01:00", "2027-03-22T09:45:00+01:00"},
                "outside-bookable-hours", new String[] {"2027-03-23T07:00:00+01:00", "2027-03-23T08:00:00+01:00"},
                "not-on-quarter-hours", new String[] {"2027-03-23T10:10:00+01:00", "2027-03-23T10:40:00+01:00"});
        cases.forEach((type, times) -> {
            HttpAnswer answer = fn.send(BookingsFunction.booking(room, times[0], times[1], "r@example.org", "sub-r"));
            assertThat(answer.status()).as(type + ": " + answer).isEqualTo(422);
            assertThat(answer.json().path("type").asText()).isEqualTo("https://spil.nl/problems/" + type);
        });
        HttpAnswer weekend = fn.send(BookingsFunction.booking(room, "2027-03-27T10:00:00+01:00", "2027-03-27T11:00:00+01:00", "r@example.org", "sub-r"));
        assertThat(weekend.json().path("type").asText()).endsWith("/outside-bookable-hours");
    }

    @Test
    void someoneElsesBookingIsA404AsAMissingOneForStaff() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", null);
        HttpAnswer mine = fn.send(BookingsFunction.booking(room, "2027-03-25T09:00:00+01:00", "2027-03-25T10:00:00+01:00", "own@example.org", "sub-own"));
        String id = mine.json().path("id").asText();
        HttpAnswer missing = fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", "01JNOSUCHBOOKING0000000000")
                .path("/bookings/01JNOSUCHBOOKING0000000000").claim("sub", "sub-other"));
        assertThat(missing.status()).isEqualTo(404);
        String notFound = missing.json().path("detail").asText().replace("01JNOSUCHBOOKING0000000000", id);
        // reading, cancelling, moving and checking in someone else's booking: a 404 that says what a missing one says
        for (var other : List.of(
                BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id),
                BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id),
                BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id),
                BookingsFunction.event("check-in.json").pathParameter("id", id).path("/bookings/" + id + "/check-in").groups("staff"))) {
            HttpAnswer answer = fn.send(other.claim("sub", "sub-other"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.json().path("detail").asText()).isEqualTo(notFound);
        }
        assertThat(status(id, "sub-own")).isEqualTo("booked");
        // reception checks in anyone's booking, within the window: too early, the window opens at 08:45
        TestClock.INSTANCE.set(Instant.parse("2027-03-25T07:30:00Z"));
        HttpAnswer early = fn.send(BookingsFunction.event("check-in.json").pathParameter("id", id).path("/bookings/" + id + "/check-in"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().path("type").asText()).endsWith("/check-in-window-closed");
        // the office manager sees it (and lists by resource); staff may not list by resource or site
        assertThat(fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .groups("office-manager").claim("sub", "sub-om")).status()).isEqualTo(200);
        assertThat(fn.send(BookingsFunction.event("list-bookings.json").queryParameter("resource", room)).status()).isEqualTo(403);
        assertThat(fn.send(BookingsFunction.event("list-bookings.json").queryParameter("site", site).queryParameter("date", "2027-03-25")).status()).isEqualTo(403);
        HttpAnswer byResource = fn.send(BookingsFunction.event("list-bookings.json").groups("office-manager")
                .queryParameter("resource", room).queryParameter("from", "2027-03-25T00:00:00+01:00").queryParameter("to", "2027-03-26T00:00:00+01:00"));
        assertThat(byResource.status()).as(byResource.toString()).isEqualTo(200);
        assertThat(byResource.body()).contains(id, "own@example.org");
    }

    private String status(String id, String sub) {
        return fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id).claim("sub", sub))
                .json().path("status").asText();
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstAnswer() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", null);
        var create = BookingsFunction.booking(room, "2027-03-26T09:00:00+01:00", "2027-03-26T10:00:00+01:00", "idem@example.org", "sub-idem")
                .header("idempotency-key", "idem-" + System.nanoTime());
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer first = fn.send(create);
        HttpAnswer again = fn.send(create);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        HttpAnswer other = fn.send(create.body("{\"resourceId\":\"" + room + "\",\"start\":\"2027-03-26T11:00:00+01:00\",\"end\":\"2027-03-26T12:00:00+01:00\",\"title\":\"X\"}"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(mark.since()).as("one booking made: the replay and the reused key count nothing")
                .isEqualTo(Map.of(Outcome.BOOKING_MADE, 1L));
    }

    @Test
    void aBookingIsThreeRequestsAndAvailabilityTwoAndReadsOnlyItsOwnSiteDay() {
        String site = fn.site("Europe/Amsterdam");
        String email = staffEmail();
        fn.person(email, "Count", "nl");
        String room = fn.room(site, 8, "\"video\"", null);
        String desk = fn.room(site, 1, "", null);

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer booked = fn.send(BookingsFunction.booking(room, "2027-03-31T10:00:00+02:00", "2027-03-31T11:00:00+02:00", email, "sub-count"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        RequestCounter.Usage create = before.since();
        System.out.println("REQUESTS POST /bookings: " + create.byOperation());
        assertThat(create.total()).isLessThanOrEqualTo(3);
        assertThat(create.byOperation()).containsEntry("TransactWriteItems", 1L);
        // the organiser's language is read for every e-mail (no remembered copy): the next booking is 3 requests too
        assertThat(create.byOperation()).isEqualTo(Map.of("GetItem", 2L, "TransactWriteItems", 1L));
        RequestCounter.Snapshot beforeSecond = RequestCounter.snapshot();
        assertThat(fn.send(BookingsFunction.booking(room, "2027-03-31T14:00:00+02:00", "2027-03-31T15:00:00+02:00", email, "sub-count"))
                .status()).isEqualTo(201);
        RequestCounter.Usage second = beforeSecond.since();
        System.out.println("REQUESTS POST /bookings (the same organiser again): " + second.byOperation());
        assertThat(second.byOperation()).isEqualTo(Map.of("GetItem", 2L, "TransactWriteItems", 1L));

        var search = BookingsFunction.event("availability.json").queryParameter("site", site)
                .queryParameter("start", "2027-03-31T09:00:00+02:00").queryParameter("end", "2027-03-31T12:00:00+02:00")
                .queryParameter("capacity", "1").queryParameter("features", null).queryParameter("type", null);
        RequestCounter.Snapshot s1 = RequestCounter.snapshot();
        HttpAnswer answer = fn.send(search);
        RequestCounter.Usage first = s1.since();
        assertThat(answer.json().path("free").toString()).contains(desk).doesNotContain(room);
        System.out.println("REQUESTS GET /availability: " + first.byOperation() + " items read " + first.itemsRead());
        // the site's catalog version, its resources (just added, so read again) and the day's entries;
        // a warm search skips the resources (AvailabilityAtScaleTest)
        assertThat(first.byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 2L));

        // ten times more bookings on the other days of that room and desk
        int others = 0;
        for (int day = 1; day <= 5; day++) {
            for (int hour = 8; hour < 18; hour += 2) {
                String d = String.format("2027-04-%02d", day + 4);
                String zone = "+02:00";
                for (String r : new String[] {room, desk}) {
                    if (others >= 10 * 1 * 2) {
                        break;
                    }
                    HttpAnswer a = fn.send(BookingsFunction.booking(r, d + "T" + String.format("%02d", hour) + ":00:00" + zone,
                            d + "T" + String.format("%02d", hour + 1) + ":00:00" + zone, email, "sub-count"));
                    assertThat(a.status()).as(a.toString()).isEqualTo(201);
                    others++;
                }
            }
        }
        RequestCounter.Snapshot s2 = RequestCounter.snapshot();
        fn.send(search);
        RequestCounter.Usage after = s2.since();
        System.out.println("ITEMS READ by availability: " + first.itemsRead() + " before, " + after.itemsRead()
                + " with " + others + " bookings on other days");
        assertThat(after.itemsRead()).isEqualTo(first.itemsRead());
        assertThat(after.total()).isEqualTo(first.total());
    }

    @Test
    void aLanguageChangeAppliesToTheVeryNextEmail() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", null);
        String email = staffEmail();
        fn.person(email, "Lotte Jansen", "nl");
        String first = fn.send(BookingsFunction.booking(room, "2027-03-30T09:00:00+02:00", "2027-03-30T10:00:00+02:00", email, "sub-lang"))
                .json().path("id").asText();
        assertThat(outboxEmail(first, 0).message().content().subject()).startsWith("Geboekt: ");
        fn.person(email, "Lotte Jansen", "en"); // she switches to English in the directory
        String next = fn.send(BookingsFunction.booking(room, "2027-03-30T11:00:00+02:00", "2027-03-30T12:00:00+02:00", email, "sub-lang"))
                .json().path("id").asText();
        assertThat(outboxEmail(next, 0).message().content().subject()).startsWith("Booked: ");
    }

    @Test
    void aBookingInTheRepeatedHourIsAnsweredAndInvitedAtItsOwnInstant() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", "{\"opens\":\"00:00\",\"closes\":\"23:45\",\"horizonDays\":730,"
                + "\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"]}");
        // 31 October 2027: 02:15 happens twice in Amsterdam; this is the second (+01:00), 01:15 UTC
        HttpAnswer booked = fn.send(BookingsFunction.booking(room, "2027-10-31T02:15:00+01:00", "2027-10-31T02:45:00+01:00",
                "night@example.org", "sub-night"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("start").asText()).isEqualTo("2027-10-31T02:15:00+01:00");
        String ics = parse(outboxEmail(booked.json().path("id").asText(), 0).message().attachments().get(0)).toString();
        assertThat(ics).contains("DTSTART:20271031T011500Z", "DTEND:20271031T014500Z").doesNotContain("DTSTART;TZID");
        // across the change: 02:45 summer time to 02:15 winter time is half an hour, and ends after it starts
        HttpAnswer across = fn.send(BookingsFunction.booking(room, "2027-10-31T02:45:00+02:00", "2027-10-31T02:15:00+01:00",
                "night@example.org", "sub-night"));
        assertThat(across.status()).as(across.toString()).isEqualTo(201);
        String acrossIcs = parse(outboxEmail(across.json().path("id").asText(), 0).message().attachments().get(0)).toString();
        assertThat(acrossIcs).contains("DTSTART:20271031T004500Z", "DTEND:20271031T011500Z");
    }

    @Test
    void unknownThingsAre404AndBadQueriesAre400() {
        assertThat(fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", "nope").path("/bookings/nope")).status()).isEqualTo(404);
        assertThat(fn.send(BookingsFunction.event("get-resource.json").pathParameter("id", "nope").path("/resources/nope")).status()).isEqualTo(404);
        HttpAnswer bad = fn.send(BookingsFunction.event("availability.json").queryParameter("start", "tomorrow"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactly("start");
        HttpAnswer twoDays = fn.send(BookingsFunction.event("availability.json").queryParameter("site", fn.site("Europe/Amsterdam")));
        assertThat(twoDays.status()).isEqualTo(200);
        assertThat(Optional.ofNullable(twoDays.json().path("free")).map(JsonNode::size).orElse(-1)).isZero();
    }
}
