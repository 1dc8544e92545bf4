package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import nl.spil.bookings.schedule.ReleaseNoShowsHandler;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestContext;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The no-show schedule through its real handler class with the event of events/bookings: a
 * booking nobody checked in is released (slots free, organiser told in their language, with a
 * CANCEL), a checked-in one and a later one are kept, and running the same tick twice changes
 * nothing more.
 */
class NoShowScheduleTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static ReleaseNoShowsHandler handler;

    @AfterAll
    static void close() {
        TestClock.INSTANCE.reset();
        if (handler != null) {
            handler.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tick() {
        if (handler == null) {
            handler = new ReleaseNoShowsHandler();
        }
        Map<String, Object> event = Events.load("bookings/release-no-shows.json", Map.class);
        return handler.handleRequest(event, TestContext.forFunction(FN.aws.template(), "ReleaseNoShowsFunction"));
    }

    @Test
    void aNoShowIsReleasedOnceAndTheOrganiserIsTold() throws Exception {
        String site = FN.site("Europe/Amsterdam");
        String email = BookingsFunction.unique("noshow") + "@example.org";
        FN.person(email, "Noor Visser", "nl");
        String roomA = FN.room(site, 4, "", null);
        String roomB = FN.room(site, 4, "", null);
        // 29 March 2027 10:00 local is 08:00Z; the check-in window closes at 08:15Z; the tick is 08:20Z
        HttpAnswer noShow = FN.send(BookingsFunction.booking(roomA, "2027-03-29T10:00:00+02:00", "2027-03-29T11:00:00+02:00", email, "sub-noshow"));
        HttpAnswer present = FN.send(BookingsFunction.booking(roomB, "2027-03-29T10:00:00+02:00", "2027-03-29T11:00:00+02:00", email, "sub-noshow"));
        HttpAnswer later = FN.send(BookingsFunction.booking(roomA, "2027-03-29T11:00:00+02:00", "2027-03-29T12:00:00+02:00", email, "sub-noshow"));
        assertThat(noShow.status()).isEqualTo(201);
        String noShowId = noShow.json().path("id").asText();
        String presentId = present.json().path("id").asText();
        String laterId = later.json().path("id").asText();

        TestClock.INSTANCE.set(Instant.parse("2027-03-29T08:05:00Z"));
        assertThat(FN.send(BookingsFunction.event("check-in.json").pathParameter("id", presentId)
                .path("/bookings/" + presentId + "/check-in")).status()).isEqualTo(200);

        TestClock.INSTANCE.set(Instant.parse("2027-03-29T08:20:05Z"));
        RecordedOutcomes.Mark releasing = TestOutcomes.RECORDED.mark();
        Map<String, Object> first = tick();
        assertThat(first.get("tick")).isEqualTo("2027-03-29T08:20:00Z");
        assertThat((Integer) first.get("released")).isGreaterThanOrEqualTo(1);
        assertThat(releasing.since()).isEqualTo(Map.of(Outcome.NO_SHOW_RELEASED, ((Integer) first.get("released")).longValue()));

        assertThat(status(noShowId)).isEqualTo("released");
        assertThat(status(presentId)).isEqualTo("booked");
        assertThat(status(laterId)).isEqualTo("booked");
        // the slots are free: someone else can book 10:00-11:00 now
        assertThat(FN.send(BookingsFunction.booking(roomA, "2027-03-29T10:30:00+02:00", "2027-03-29T11:00:00+02:00", "x@example.org", "sub-x"))
                .status()).isEqualTo(201);

        var item = FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.aws.tableName("OutboxTable"))
                .key(Attrs.key(Outbox.pkForDedupeKey("bookings:" + noShowId + ":1"), "OUTBOX")).build()).item();
        OutboxItem.Email mail = (OutboxItem.Email) OutboxItems.fromItem(item);
        assertThat(mail.message().to().address()).isEqualTo(email);
        assertThat(mail.message().content().subject()).startsWith("Vrijgegeven (niet ingecheckt): ");
        String ics = new String(mail.message().attachments().get(0).content(), StandardCharsets.UTF_8);
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(ics).contains("METHOD:CANCEL", "UID:" + noShowId + "@spil", "SEQUENCE:1");

        // the same tick again: nothing more is released, no second e-mail
        int outboxBefore = FN.outboxTo(email).size();
        RecordedOutcomes.Mark again = TestOutcomes.RECORDED.mark();
        Map<String, Object> second = tick();
        assertThat(second.get("released")).isEqualTo(0);
        assertThat(again.since()).isEmpty();
        assertThat(second.get("due")).isEqualTo(0);
        assertThat(FN.outboxTo(email)).hasSize(outboxBefore);
        assertThat(status(noShowId)).isEqualTo("released");
    }

    private static String status(String id) {
        return FN.send(BookingsFunction.event("get-booking.json").pathParameter("id", id).path("/bookings/" + id)
                .claim("sub", "sub-noshow")).json().path("status").asText();
    }
}
