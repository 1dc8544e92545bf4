package nl.spil.bookings.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import nl.spil.bookings.domain.Booking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .ics a calendar reads says the instants booked, at every daylight-saving change of
 * Amsterdam and New York in 2027 and 2028: bookings starting from 90 minutes before to 60
 * minutes after each change, 15 to 90 minutes long (in the repeated hour, across the change,
 * next to it). Each invitation and a feed of them pass ical4j's strict parsing and validation;
 * DTSTART and DTEND read back (TZID resolved as RFC 5545 says) are the booked instants, and DTEND
 * is never before DTSTART.
 */
class IcsDaylightSavingTest {

    static Stream<Arguments> changes() {
        List<Arguments> out = new ArrayList<>();
        for (String zone : List.of("Europe/Amsterdam", "America/New_York")) {
            ZoneId id = ZoneId.of(zone);
            ZoneOffsetTransition t = id.getRules().nextTransition(Instant.parse("2027-01-01T00:00:00Z"));
            while (t.getInstant().isBefore(Instant.parse("2029-01-01T00:00:00Z"))) {
                out.add(Arguments.of(zone, t.getInstant(), t.isGap() ? "spring forward" : "fall back"));
                t = id.getRules().nextTransition(t.getInstant());
            }
        }
        assertThat(out).hasSize(8);
        return out.stream();
    }

    private static List<Booking> around(ZoneId zone, Instant change) {
        List<Booking> out = new ArrayList<>();
        for (int startMinutes = -90; startMinutes <= 60; startMinutes += 15) {
            for (int length : List.of(15, 30, 60, 90)) {
                Instant start = change.plus(Duration.ofMinutes(startMinutes));
                out.add(new Booking("B" + out.size(), "R1", "Zaal 1", "S1", zone, "sub", "sanne@example.org", "Overleg",
                        start, start.plus(Duration.ofMinutes(length)), start.plusSeconds(900), Booking.Status.BOOKED,
                        Optional.empty(), Optional.of("koffie"), Optional.empty(), 0, 1, change, change));
            }
        }
        return out;
    }

    private static Calendar strictlyParsed(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(Ics.text(ics)));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    private static Instant read(Optional<? extends Temporal> t) {
        return Instant.from(t.orElseThrow());
    }

    @ParameterizedTest(name = "{0}, {2} at {1}")
    @MethodSource("changes")
    void everyInvitationAndFeedSaysTheBookedInstants(String zone, Instant change, String what) throws Exception {
        List<Booking> bookings = around(ZoneId.of(zone), change);
        Instant stamp = Instant.parse("2026-12-01T12:00:00Z");
        int inUtc = 0;
        for (Booking b : bookings) {
            Calendar invitation = strictlyParsed(Ics.invitation(b, "spil@example.org", stamp));
            VEvent event = invitation.<VEvent>getComponents("VEVENT").get(0);
            Instant start = read(event.<DtStart<Temporal>>getProperty("DTSTART").map(DtStart::getDate));
            Instant end = read(event.<DtEnd<Temporal>>getProperty("DTEND").map(DtEnd::getDate));
            String at = b.start().atZone(b.zone()) + " - " + b.end().atZone(b.zone());
            assertThat(start).as("DTSTART of " + at).isEqualTo(b.start());
            assertThat(end).as("DTEND of " + at).isEqualTo(b.end());
            assertThat(end).as(at).isAfter(start);
            String text = invitation.toString();
            if (Ics.inLocalTime(b)) {
                assertThat(text).as(at).contains("DTSTART;TZID=" + zone + ":");
            } else {
                inUtc++;
                assertThat(text).as(at).contains("DTSTART:" + utc(b.start()), "DTEND:" + utc(b.end()))
                        .doesNotContain("DTSTART;TZID");
            }
        }
        if (what.equals("fall back")) {
            assertThat(inUtc).as("bookings touching the repeated hour are written in UTC").isPositive();
        }
        Calendar feed = strictlyParsed(Ics.feed(bookings, "spil@example.org", stamp, Ics.Detail.WITHOUT_NOTES, null));
        assertThat(feed.getComponents("VEVENT")).hasSize(bookings.size());
        assertThat(feed.toString()).doesNotContain("DESCRIPTION");
    }

    private static String utc(Instant t) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
    }
}
