package nl.spil.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each booking rule on its own: what it admits, what it refuses, and the problem type it refuses with. */
class PoliciesTest {

    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2027-03-22T08:00:00Z");

    static BookingRequest at(String start, String end) {
        return new BookingRequest(ZonedDateTime.parse(start).toInstant(), ZonedDateTime.parse(end).toInstant(), AMS, NOW);
    }

    @Nested
    class MaxDurationRule {
        final MaxDuration rule = new MaxDuration(Duration.ofHours(2));

        @Test
        void admitsUpToTheMaximum() {
            assertThat(rule.check(at("2027-03-23T10:00+01:00", "2027-03-23T12:00+01:00"))).isEmpty();
        }

        @Test
        void refusesLongerAsBookingTooLong() {
            var broken = rule.check(at("2027-03-23T10:00+01:00", "2027-03-23T12:15+01:00"));
            assertThat(broken).hasValueSatisfying(b -> {
                assertThat(b.slug()).isEqualTo("booking-too-long");
                assertThat(b.detail()).contains("120 minutes", "135 minutes");
            });
        }

        @Test
        void cannotBeSetBeyondWhatOneTransactionHolds() {
            assertThatThrownBy(() -> new MaxDuration(Duration.ofHours(11))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new MaxDuration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class HorizonRule {
        final BookingHorizon rule = new BookingHorizon(Duration.ofDays(14));

        @Test
        void admitsUpToTheHorizon() {
            assertThat(rule.check(at("2027-04-05T10:00+02:00", "2027-04-05T11:00+02:00"))).isEmpty();
        }

        @Test
        void refusesFurtherAsTooFarAhead() {
            assertThat(rule.check(at("2027-04-06T10:00+02:00", "2027-04-06T11:00+02:00")))
                    .hasValueSatisfying(b -> assertThat(b.slug()).isEqualTo("booking-too-far-ahead"));
        }
    }

    @Nested
    class NoticeRule {
        @Test
        void zeroNoticeRefusesOnlyThePast() {
            var rule = new MinimumNotice(Duration.ZERO);
            assertThat(rule.check(at("2027-03-22T09:00+01:00", "2027-03-22T09:30+01:00"))).isEmpty();
            assertThat(rule.check(at("2027-03-22T08:45+01:00", "2027-03-22T09:30+01:00")))
                    .hasValueSatisfying(b -> {
                        assertThat(b.slug()).isEqualTo("booking-too-soon");
                        assertThat(b.detail()).contains("past");
                    });
        }

        @Test
        void anHourOfNotice() {
            var rule = new MinimumNotice(Duration.ofHours(1));
            assertThat(rule.check(at("2027-03-22T10:00+01:00", "2027-03-22T10:30+01:00"))).isEmpty();
            assertThat(rule.check(at("2027-03-22T09:45+01:00", "2027-03-22T10:30+01:00"))).isPresent();
        }
    }

    @Nested
    class HoursRule {
        final BookableHours rule = new BookableHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

        @Test
        void admitsWithinTheHoursInTheSiteZone() {
            assertThat(rule.check(at("2027-03-23T08:00+01:00", "2027-03-23T18:00+01:00"))).isEmpty();
            // after the DST change the same local hours are other UTC instants
            assertThat(rule.check(at("2027-03-29T08:00+02:00", "2027-03-29T18:00+02:00"))).isEmpty();
        }

        @Test
        void refusesBeforeOpeningAfterClosingOnClosedDaysAndAcrossMidnight() {
            assertThat(rule.check(at("2027-03-23T07:45+01:00", "2027-03-23T09:00+01:00"))).isPresent();
            assertThat(rule.check(at("2027-03-23T17:00+01:00", "2027-03-23T18:15+01:00"))).isPresent();
            assertThat(rule.check(at("2027-03-27T10:00+01:00", "2027-03-27T11:00+01:00")))
                    .hasValueSatisfying(b -> assertThat(b.detail()).contains("saturday"));
            assertThat(rule.check(at("2027-03-23T23:00+01:00", "2027-03-24T01:00+01:00")))
                    .hasValueSatisfying(b -> assertThat(b.slug()).isEqualTo("outside-bookable-hours"));
        }

        @Test
        void theSiteDayIsTheSiteZonesNotUtc() {
            // 00:30 Amsterdam on Tuesday is still Monday in UTC; a 24-hour site is bookable then
            var allDay = new BookableHours(LocalTime.MIN, LocalTime.of(23, 59), EnumSet.of(DayOfWeek.TUESDAY));
            assertThat(allDay.check(at("2027-03-23T00:30+01:00", "2027-03-23T01:00+01:00"))).isEmpty();
            assertThat(allDay.check(at("2027-03-22T23:30+01:00", "2027-03-23T00:00+01:00"))).isPresent();
        }
    }

    @Nested
    class CheckInRule {
        final CheckInWindow rule = new CheckInWindow(Duration.ofMinutes(15), Duration.ofMinutes(15));
        final Instant start = Instant.parse("2027-03-29T08:00:00Z");

        @Test
        void openFromBeforeTheStartUntilAfterIt() {
            assertThat(rule.check(start, start.minusSeconds(15 * 60))).isEmpty();
            assertThat(rule.check(start, start.plusSeconds(14 * 60 + 59))).isEmpty();
            assertThat(rule.closesAt(start)).isEqualTo(Instant.parse("2027-03-29T08:15:00Z"));
        }

        @Test
        void closedBeforeAndAfterAsCheckInWindowClosed() {
            assertThat(rule.check(start, start.minusSeconds(16 * 60)))
                    .hasValueSatisfying(b -> assertThat(b.slug()).isEqualTo("check-in-window-closed"));
            assertThat(rule.check(start, start.plusSeconds(15 * 60)))
                    .hasValueSatisfying(b -> assertThat(b.title()).isEqualTo("Check-in closed"));
        }
    }

    @Nested
    class QuarterHourRule {
        @Test
        void startAndEndOnQuarterHours() {
            assertThat(new QuarterHours().check(at("2027-03-23T10:15+01:00", "2027-03-23T10:45+01:00"))).isEmpty();
            assertThat(new QuarterHours().check(at("2027-03-23T10:10+01:00", "2027-03-23T10:45+01:00")))
                    .hasValueSatisfying(b -> assertThat(b.slug()).isEqualTo("not-on-quarter-hours"));
            assertThat(new QuarterHours().check(at("2027-03-23T10:15:30+01:00", "2027-03-23T10:45+01:00"))).isPresent();
        }
    }

    @Test
    void theRulesTogetherNameEveryBrokenOneAndThrowTheFirst() {
        var rules = new BookingRules(new MaxDuration(Duration.ofHours(1)), new BookingHorizon(Duration.ofDays(7)),
                new MinimumNotice(Duration.ZERO), BookableHours.OFFICE, CheckInWindow.DEFAULT);
        var request = at("2027-04-10T10:10+02:00", "2027-04-10T12:00+02:00"); // Saturday, far, long, off-grid
        assertThat(rules.broken(request)).extracting(RuleBroken::slug)
                .containsExactly("not-on-quarter-hours", "booking-too-long", "booking-too-far-ahead", "outside-bookable-hours");
        assertThatThrownBy(() -> rules.check(request)).isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).refusal().slug()).isEqualTo("not-on-quarter-hours"));
    }
}
