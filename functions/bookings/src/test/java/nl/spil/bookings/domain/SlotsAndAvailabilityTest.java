package nl.spil.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotsAndAvailabilityTest {

    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    @Test
    void aBookingHoldsOneSlotPerQuarterHourEvenAcrossTheDstChange() {
        // 01:00-04:00 local on 28 March 2027 is only two real hours (02:00 does not exist)
        Instant start = ZonedDateTime.of(2027, 3, 28, 1, 0, 0, 0, AMS).toInstant();
        Instant end = ZonedDateTime.of(2027, 3, 28, 4, 0, 0, 0, AMS).toInstant();
        assertThat(Slots.of(start, end)).hasSize(8);
        assertThat(Slots.of(start, end).get(0)).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
        // on 31 October 2027 02:00-03:00 happens twice: 01:00-04:00 local is four real hours
        Instant s2 = ZonedDateTime.of(2027, 10, 31, 1, 0, 0, 0, AMS).toInstant();
        Instant e2 = ZonedDateTime.of(2027, 10, 31, 4, 0, 0, 0, AMS).toInstant();
        assertThat(Slots.of(s2, e2)).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void theSiteDayIsTakenInTheSiteZone() {
        assertThat(Slots.siteDay(Instant.parse("2027-03-22T23:30:00Z"), AMS)).isEqualTo(LocalDate.of(2027, 3, 23));
        assertThat(Slots.siteDay(Instant.parse("2027-03-22T23:30:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(Slots.isQuarter(Instant.parse("2027-03-22T23:45:00Z"))).isTrue();
        assertThat(Slots.isQuarter(Instant.parse("2027-03-22T23:50:00Z"))).isFalse();
    }

    static Resource resource(String id, ResourceType type, int capacity, Set<String> features) {
        return new Resource(id, "S", AMS, type, "R " + id, "1", capacity, features, BookingRules.DEFAULT, 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    static DayEntry entry(String resourceId, String start, String end) {
        return new DayEntry("B-" + resourceId + start, resourceId, "R", Instant.parse(start), Instant.parse(end), "t",
                "x@example.org", Optional.empty(), false);
    }

    @Test
    void freeResourcesFitTheSearchAndOverlapNoBooking() {
        var big = resource("big", ResourceType.ROOM, 12, Set.of("video", "whiteboard"));
        var small = resource("small", ResourceType.ROOM, 8, Set.of("video"));
        var noVideo = resource("plain", ResourceType.ROOM, 10, Set.of());
        var desk = resource("desk", ResourceType.DESK, 1, Set.of());
        var all = List.of(big, small, noVideo, desk);
        var entries = List.of(entry("small", "2027-03-23T09:00:00Z", "2027-03-23T10:00:00Z"),
                entry("big", "2027-03-23T10:00:00Z", "2027-03-23T10:30:00Z"));
        Instant from = Instant.parse("2027-03-23T09:00:00Z");
        Instant to = Instant.parse("2027-03-23T10:00:00Z");
        // small is taken, big is free (its booking starts when the window ends), plain has no video
        assertThat(Availability.free(all, entries, from, to, 8, Set.of("video"), ResourceType.ROOM)).containsExactly(big);
        // back to back is free; smallest first
        assertThat(Availability.free(all, entries, to, to.plusSeconds(1800), 1, Set.of(), null))
                .containsExactly(desk, small, noVideo);
        assertThat(Availability.free(all, entries, from, to, 13, Set.of(), null)).isEmpty();
    }
}
