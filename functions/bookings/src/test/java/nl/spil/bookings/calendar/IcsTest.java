package nl.spil.bookings.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import nl.spil.bookings.domain.Booking;
import org.junit.jupiter.api.Test;

/** Invitations and cancellations are valid iCalendar, parsed and validated by ical4j. */
class IcsTest {

    static Booking booking(Booking.Status status, int sequence, String notes) {
        Instant start = Instant.parse("2027-10-31T09:00:00Z"); // 10:00 Amsterdam, after the autumn change
        return new Booking("01JBOOKINGTEST0000000000001", "R1", "Zaal \"Vermeer\"; 3e, etage", "S1",
                ZoneId.of("Europe/Amsterdam"), "sub", "sanne@example.org", "Overleg, kwartaal; Q4\nlang", start,
                start.plusSeconds(3600), start.plusSeconds(900), status, Optional.empty(), Optional.ofNullable(notes),
                Optional.empty(), sequence, 1, start, start);
    }

    static Calendar parse(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(Ics.text(ics)));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    @Test
    void anInvitationIsAValidRequestWithAStableUidAndTheSiteZone() throws Exception {
        byte[] ics = Ics.invitation(booking(Booking.Status.BOOKED, 0, "Koffie, thee; U-vorm"), "spil@example.org",
                Instant.parse("2027-10-01T12:00:00Z"));
        String text = parse(ics).toString();
        assertThat(text).contains("METHOD:REQUEST", "UID:01JBOOKINGTEST0000000000001@spil", "SEQUENCE:0",
                "TZID:Europe/Amsterdam", "DTSTART;TZID=Europe/Amsterdam:20271031T100000",
                "DTEND;TZID=Europe/Amsterdam:20271031T110000", "STATUS:CONFIRMED", "ORGANIZER", "mailto:sanne@example.org");
        assertThat(text).doesNotContain("Europe/Brussels");
        // text values are escaped, not broken into properties
        assertThat(text).contains("SUMMARY:Overleg\\, kwartaal\\; Q4\\nlang");
        assertThat(Ics.text(ics)).contains("\r\n");
    }

    @Test
    void aCancellationIsAValidCancelWithAHigherSequence() throws Exception {
        String text = parse(Ics.invitation(booking(Booking.Status.CANCELLED, 3, null), "spil@example.org",
                Instant.parse("2027-10-01T12:00:00Z"))).toString();
        assertThat(text).contains("METHOD:CANCEL", "SEQUENCE:3", "STATUS:CANCELLED", "UID:01JBOOKINGTEST0000000000001@spil");
    }

    @Test
    void aFeedPublishesManyBookings() throws Exception {
        Calendar feed = parse(Ics.feed(List.of(booking(Booking.Status.BOOKED, 0, null), booking(Booking.Status.BOOKED, 1, "x")),
                "spil@example.org", Instant.parse("2027-10-01T12:00:00Z"), Ics.Detail.WITH_NOTES, null));
        assertThat(feed.toString()).contains("METHOD:PUBLISH");
        assertThat(feed.getComponents("VEVENT")).hasSize(2);
        assertThat(feed.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(feed.toString()).contains("DESCRIPTION:x");
    }

    @Test
    void aRoomsFeedCarriesNoNotesAndAnEmptyFeedIsStillACalendar() throws Exception {
        Calendar room = parse(Ics.feed(List.of(booking(Booking.Status.BOOKED, 0, "Koffie")), "spil@example.org",
                Instant.parse("2027-10-01T12:00:00Z"), Ics.Detail.WITHOUT_NOTES, null));
        assertThat(room.toString()).doesNotContain("DESCRIPTION", "Koffie");
        Calendar empty = parse(Ics.feed(List.of(), "spil@example.org", Instant.parse("2027-10-01T12:00:00Z"),
                Ics.Detail.WITHOUT_NOTES, ZoneId.of("Europe/Amsterdam")));
        assertThat(empty.getComponents()).hasSize(1);
        assertThat(empty.toString()).contains("METHOD:PUBLISH", "TZID:Europe/Amsterdam");
    }
}
