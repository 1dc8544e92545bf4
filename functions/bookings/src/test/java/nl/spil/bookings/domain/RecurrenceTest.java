package nl.spil.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RRULE expansion with ical4j in the site's zone: 10:00 stays 10:00 across both 2027 DST changes. */
class RecurrenceTest {

    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(AMS);
    }

    @Test
    void aWeeklyTenOClockStaysAtTenAcrossTheSpringChange() {
        List<ZonedDateTime> starts = Recurrence.parse("FREQ=WEEKLY;COUNT=3").starts(at("2027-03-22T10:00"), at("2027-12-31T00:00"));
        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(10, 0));
        assertThat(starts).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-03-22T10:00+01:00", "2027-03-29T10:00+02:00", "2027-04-05T10:00+02:00");
        // so the UTC instants move by an hour
        assertThat(starts.get(0).toInstant().toString()).isEqualTo("2027-03-22T09:00:00Z");
        assertThat(starts.get(1).toInstant().toString()).isEqualTo("2027-03-29T08:00:00Z");
    }

    @Test
    void andAcrossTheAutumnChange() {
        List<ZonedDateTime> starts = Recurrence.parse("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3").starts(at("2027-10-25T10:00"), at("2027-12-31T00:00"));
        assertThat(starts).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-10-25T10:00+02:00", "2027-11-01T10:00+01:00", "2027-11-08T10:00+01:00");
    }

    @Test
    void dailyOverTheChangeNightAndWithAnInterval() {
        List<ZonedDateTime> daily = Recurrence.parse("FREQ=DAILY;COUNT=3").starts(at("2027-03-27T09:30"), at("2027-12-31T00:00"));
        assertThat(daily).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-03-27T09:30+01:00", "2027-03-28T09:30+02:00", "2027-03-29T09:30+02:00");
        List<ZonedDateTime> fortnightly = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;COUNT=3").starts(at("2027-10-20T14:00"), at("2027-12-31T00:00"));
        assertThat(fortnightly).extracting(z -> z.toLocalDate().toString()).containsExactly("2027-10-20", "2027-11-03", "2027-11-17");
        assertThat(fortnightly).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(14, 0));
    }

    @Test
    void monthlyOnADayOfTheMonth() {
        List<ZonedDateTime> monthly = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4").starts(at("2027-09-15T10:00"), at("2028-12-31T00:00"));
        assertThat(monthly).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-09-15T10:00+02:00", "2027-10-15T10:00+02:00", "2027-11-15T10:00+01:00", "2027-12-15T10:00+01:00");
    }

    @Test
    void theHorizonAndUntilEndASeries() {
        assertThat(Recurrence.parse("FREQ=WEEKLY;COUNT=50").starts(at("2027-03-22T10:00"), at("2027-04-12T10:00"))).hasSize(4);
        assertThat(Recurrence.parse("FREQ=DAILY;UNTIL=20270326T235959Z").starts(at("2027-03-22T10:00"), at("2027-12-31T00:00"))).hasSize(5);
    }

    @Test
    void onlyTheSubsetIsAccepted() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=HOURLY;COUNT=3")).hasMessageContaining("DAILY, WEEKLY or MONTHLY");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;BYSETPOS=1;COUNT=3")).hasMessageContaining("BYSETPOS");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY")).hasMessageContaining("COUNT or UNTIL");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;COUNT=61")).hasMessageContaining("at most 60");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;COUNT=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
