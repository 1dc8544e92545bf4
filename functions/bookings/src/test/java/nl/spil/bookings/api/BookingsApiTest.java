package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.HttpAnswer;
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

        // the office manager adds the room of create-resource.json to a site of this run
        String resourceBody = BookingsFunction.event("create-resource.json").build().getBody()
                .replace("01JSITE000000000000000000A", site);
        HttpAnswer created = fn.send(BookingsFunction.event("create-resource.json")
                .header("idempotency-key", "res-" + System.nanoTime()).body(resourceBody));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String room = created.json().path("id").asText();
        assertThat(created.json().path("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(created.json().path("rules").path("maxMinutes").asInt()).isEqualTo(240);

        HttpAnswer listed = fn.send(BookingsFunction.event("list-resources.json").queryParameter("site", site));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items").get(0).path("id").asText()).isEqualTo(room);
        HttpAnswer got = fn.send(BookingsFunction.event("get-resource.json").pathParameter("id", room).path("/resources/" + room));
        assertThat(got.json().path("features").toString()).isEqualTo("[\"screen\",\"video\",\"whiteboard\"]");

        // availability before: the room is free
        HttpAnswer free = fn.send(BookingsFunction.event("availability.json").queryParameter("site", site));
        assertThat(free.status()).as(free.toString()).isEqualTo(200);
        assertThat(free.json().path("free").toString()).contains(room);

        // book 29 March 2027 10:00-11:00 Amsterdam (the day after the DST change: +02:00)
        String bookingBody = BookingsFunction.event("create-booking.json").build().getBody()
                .replace("01JRESOURCE0000000000000001", room);
        HttpAnswer booked = fn.send(BookingsFunction.event("create-booking.json").claim("email", email)
                .header("idempotency-key", "b-" + System.nanoTime()).body(bookingBody));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        JsonNode b = booked.json();
        String id = b.path("id").asText();
        assertThat(booked.header("Location")).isEqualTo("/bookings/" + id);
        assertThat(b.path("start").asText()).isEqualTo("2027-03-29T10:00+02:00");
        assertThat(b.path("checkInClosesAt").asText()).isEqualTo("2027-03-29T10:15+02:00");
        assertThat(b.path("status").asText()).isEqualTo("booked");

        // the invitation e-mail is in the outbox, in English (her language), with a valid REQUEST
        OutboxItem.Email invitation = outboxEmail(id, 0);
        assertThat(invitation.message().to().address()).isEqualTo(email);
        assertThat(invitation.message().content().subject()).startsWith("Booked: ").contains("Monday 29 March 2027 at 10:00");
        Calendar request = parse(invitation.message().attachments().get(0));
        String ics = request.toString();
        assertThat(ics).contains("METHOD:REQUEST", "UID:" + id + "@spil", "SEQUENCE:0", "BEGIN:VTIMEZONE",
                "TZID:Europe/Amsterdam", "DTSTART;TZID=Europe/Amsterdam:20270329T100000");

        // now the room is taken for an overlapping search, free for a later one
        assertThat(fn.send(BookingsFunction.event("availability.json").queryParameter("site", site)).json()
                .path("free").toString()).doesNotContain(room);
        assertThat(fn.send(BookingsFunction.event("availability.json").queryParameter("site", site)
                .queryParameter("start", "2027-03-29T11:00:00+02:00").queryParameter("end", "2027-03-29T12:00:00+02:00"))
                .json().path("free").toString()).contains(room);

        // mine, the agenda and the office manager's day overview with the preparation notes
        HttpAnswer mine = fn.send(BookingsFunction.event("list-bookings.json").claim("email", email));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.body()).contains(id);
        HttpAnswer agenda = fn.send(BookingsFunction.event("resource-agenda.json").pathParameter("id", room)
                .path("/resources/" + room + "/agenda"));
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(agenda.json().path("items").get(0).path("id").asText()).isEqualTo(id);
        HttpAnswer day = fn.send(BookingsFunction.event("day-overview.json").queryParameter("site", site));
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().path("items").get(0).path("notes").asText()).isEqualTo("Koffie en thee voor 8, U-opstelling");
        assertThat(day.json().path("items").get(0).path("start").asText()).isEqualTo("2027-03-29T10:00+02:00");

        HttpAnswer one = fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);

        // reschedule to 14:00-15:00: the 10:00 slots are freed, an update e-mail with SEQUENCE 1
        HttpAnswer moved = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id)
                .path("/bookings/" + id));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("start").asText()).isEqualTo("2027-03-29T14:00+02:00");
        assertThat(moved.json().path("version").asInt()).isEqualTo(2);
        assertThat(parse(outboxEmail(id, 1).message().attachments().get(0)).toString()).contains("SEQUENCE:1", "METHOD:REQUEST");
        assertThat(fn.send(BookingsFunction.event("availability.json").queryParameter("site", site)).json()
                .path("free").toString()).contains(room);
        HttpAnswer stale = fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(stale.status()).isEqualTo(412);

        // reception checks in within the window (13:45-14:15)
        TestClock.INSTANCE.set(Instant.parse("2027-03-29T12:05:00Z"));
        HttpAnswer checkedIn = fn.send(BookingsFunction.event("check-in.json").pathParameter("id", id)
                .path("/bookings/" + id + "/check-in"));
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().path("checkedInAt").asText()).isEqualTo("2027-03-29T14:05+02:00");

        // cancel: 204, slots free, CANCEL with SEQUENCE 2
        TestClock.INSTANCE.reset();
        HttpAnswer cancelled = fn.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        assertThat(parse(outboxEmail(id, 2).message().attachments().get(0)).toString())
                .contains("METHOD:CANCEL", "SEQUENCE:2", "STATUS:CANCELLED");
        assertThat(fn.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id))
                .json().path("status").asText()).isEqualTo("cancelled");
        assertThat(fn.send(BookingsFunction.event("day-overview.json").queryParameter("site", site)).json().path("items").size()).isZero();

        // the office manager changes and removes the room
        HttpAnswer updated = fn.send(BookingsFunction.event("update-resource.json").pathParameter("id", room)
                .path("/resources/" + room).body(BookingsFunction.event("update-resource.json").build().getBody().replace("01JSITE000000000000000000A", site)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("capacity").asInt()).isEqualTo(12);
        HttpAnswer removed = fn.send(BookingsFunction.event("delete-resource.json").pathParameter("id", room).path("/resources/" + room));
        assertThat(removed.status()).isEqualTo(204);
        assertThat(fn.send(BookingsFunction.event("get-resource.json").pathParameter("id", room).path("/resources/" + room)).status()).isEqualTo(404);
    }

    @Test
    void anOverlappingBookingIs409NamingTheTakenSlot() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 6, "\"video\"", null);
        HttpAnswer first = fn.send(BookingsFunction.booking(room, "2027-03-24T10:00:00+01:00", "2027-03-24T11:00:00+01:00", "a@example.org", "sub-a"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        HttpAnswer second = fn.send(BookingsFunction.booking(room, "2027-03-24T10:30:00+01:00", "2027-03-24T12:00:00+01:00", "b@example.org", "sub-b"));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().path("type").asText()).endsWith("/slot-taken");
        assertThat(second.json().path("conflict").path("resourceId").asText()).isEqualTo(room);
        assertThat(second.json().path("conflict").path("start").asText()).isEqualTo("2027-03-24T10:30+01:00");
        assertThat(second.json().path("conflict").path("end").asText()).isEqualTo("2027-03-24T10:45+01:00");
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
        assertThat(clash.json().path("conflict").path("start").asText()).isEqualTo("2027-03-24T10:45+01:00");
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
    void aStaffMemberSeesAndChangesOnlyTheirOwnBookings() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", null);
        HttpAnswer mine = fn.send(BookingsFunction.booking(room, "2027-03-25T09:00:00+01:00", "2027-03-25T10:00:00+01:00", "own@example.org", "sub-own"));
        String id = mine.json().path("id").asText();
        var other = BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id).claim("sub", "sub-other");
        assertThat(fn.send(other).status()).isEqualTo(403);
        assertThat(fn.send(BookingsFunction.event("cancel-booking.json").pathParameter("id", id).path("/bookings/" + id).claim("sub", "sub-other")).status()).isEqualTo(403);
        assertThat(fn.send(BookingsFunction.event("reschedule-booking.json").pathParameter("id", id).path("/bookings/" + id).claim("sub", "sub-other")).status()).isEqualTo(403);
        // another staff member cannot check in someone else's booking; reception can (within the window)
        TestClock.INSTANCE.set(Instant.parse("2027-03-25T08:00:00Z"));
        assertThat(fn.send(BookingsFunction.event("check-in.json").pathParameter("id", id).path("/bookings/" + id + "/check-in")
                .groups("staff").claim("sub", "sub-other")).status()).isEqualTo(403);
        // too early for reception: the window opens at 08:45
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
        assertThat(byResource.body()).contains(id);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstAnswer() {
        String site = fn.site("Europe/Amsterdam");
        String room = fn.room(site, 4, "", null);
        var create = BookingsFunction.booking(room, "2027-03-26T09:00:00+01:00", "2027-03-26T10:00:00+01:00", "idem@example.org", "sub-idem")
                .header("idempotency-key", "idem-" + System.nanoTime());
        HttpAnswer first = fn.send(create);
        HttpAnswer again = fn.send(create);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        HttpAnswer other = fn.send(create.body("{\"resourceId\":\"" + room + "\",\"start\":\"2027-03-26T11:00:00+01:00\",\"end\":\"2027-03-26T12:00:00+01:00\",\"title\":\"X\"}"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("/idempotency-key-reused");
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
        // a warm function remembers the organiser's language for a few minutes: the next booking is 2 requests
        RequestCounter.Snapshot beforeSecond = RequestCounter.snapshot();
        assertThat(fn.send(BookingsFunction.booking(room, "2027-03-31T14:00:00+02:00", "2027-03-31T15:00:00+02:00", email, "sub-count"))
                .status()).isEqualTo(201);
        RequestCounter.Usage second = beforeSecond.since();
        System.out.println("REQUESTS POST /bookings (organiser known): " + second.byOperation());
        assertThat(second.byOperation()).isEqualTo(java.util.Map.of("GetItem", 1L, "TransactWriteItems", 1L));

        var search = BookingsFunction.event("availability.json").queryParameter("site", site)
                .queryParameter("start", "2027-03-31T09:00:00+02:00").queryParameter("end", "2027-03-31T12:00:00+02:00")
                .queryParameter("capacity", "1").queryParameter("features", null).queryParameter("type", null);
        RequestCounter.Snapshot s1 = RequestCounter.snapshot();
        HttpAnswer answer = fn.send(search);
        RequestCounter.Usage first = s1.since();
        assertThat(answer.json().path("free").toString()).contains(desk).doesNotContain(room);
        System.out.println("REQUESTS GET /availability: " + first.byOperation() + " items read " + first.itemsRead());
        assertThat(first.total()).isLessThanOrEqualTo(2);

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
