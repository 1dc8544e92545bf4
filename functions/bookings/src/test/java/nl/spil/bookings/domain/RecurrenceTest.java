package nl.spil.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RRULE expansion with ical4j in the site's zone: 10:00 stays 10:00 across both 2027 DST changes. */
class RecurrenceTest {

    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    static Recurrence rule(String text) {
        Recurrence.Reading reading = Recurrence.parse(text);
        assertThat(reading).as(text).isInstanceOf(Recurrence.Valid.class);
        return ((Recurrence.Valid) reading).recurrence();
    }

    static String invalid(String text) {
        Recurrence.Reading reading = Recurrence.parse(text);
        assertThat(reading).as(text).isInstanceOf(Recurrence.Invalid.class);
        return ((Recurrence.Invalid) reading).reason();
    }

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(AMS);
    }

    @Test
    void aWeeklyTenOClockStaysAtTenAcrossTheSpringChange() {
        List<ZonedDateTime> starts = rule("FREQ=WEEKLY;COUNT=3").starts(at("2027-03-22T10:00"));
        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(10, 0));
        assertThat(starts).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-03-22T10:00+01:00", "2027-03-29T10:00+02:00", "2027-04-05T10:00+02:00");
        // so the UTC instants move by an hour
        assertThat(starts.get(0).toInstant().toString()).isEqualTo("2027-03-22T09:00:00Z");
        assertThat(starts.get(1).toInstant().toString()).isEqualTo("2027-03-29T08:00:00Z");
    }

    @Test
    void andAcrossTheAutumnChange() {
        List<ZonedDateTime> starts = rule("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3").starts(at("2027-10-25T10:00"));
        assertThat(starts).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-10-25T10:00+02:00", "2027-11-01T10:00+01:00", "2027-11-08T10:00+01:00");
    }

    @Test
    void dailyOverTheChangeNightAndWithAnInterval() {
        List<ZonedDateTime> daily = rule("FREQ=DAILY;COUNT=3").starts(at("2027-03-27T09:30"));
        assertThat(daily).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-03-27T09:30+01:00", "2027-03-28T09:30+02:00", "2027-03-29T09:30+02:00");
        List<ZonedDateTime> fortnightly = rule("FREQ=WEEKLY;INTERVAL=2;COUNT=3").starts(at("2027-10-20T14:00"));
        assertThat(fortnightly).extracting(z -> z.toLocalDate().toString()).containsExactly("2027-10-20", "2027-11-03", "2027-11-17");
        assertThat(fortnightly).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(14, 0));
    }

    @Test
    void monthlyOnADayOfTheMonth() {
        List<ZonedDateTime> monthly = rule("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4").starts(at("2027-09-15T10:00"));
        assertThat(monthly).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2027-09-15T10:00+02:00", "2027-10-15T10:00+02:00", "2027-11-15T10:00+01:00", "2027-12-15T10:00+01:00");
    }

    @Test
    void countAndUntilEndASeriesAndTheExpansionStopsOneBeyondTheMaximum() {
        assertThat(rule("FREQ=WEEKLY;COUNT=50").starts(at("2027-03-22T10:00"))).hasSize(50);
        assertThat(rule("FREQ=DAILY;UNTIL=20270326T235959Z").starts(at("2027-03-22T10:00"))).hasSize(5);
        // a rule giving more than may be booked at once shows it with one more, never silently cut
        assertThat(rule("FREQ=DAILY;UNTIL=20281231T000000Z").starts(at("2027-03-22T10:00")))
                .hasSize(Recurrence.MAX_OCCURRENCES + 1);
    }

    @Test
    void onlyTheSubsetIsAcceptedAndWhatIsWrongIsSaid() {
        assertThat(invalid("FREQ=HOURLY;COUNT=3")).contains("DAILY, WEEKLY or MONTHLY");
        assertThat(invalid("FREQ=WEEKLY;BYSETPOS=1;COUNT=3")).contains("BYSETPOS");
        assertThat(invalid("FREQ=WEEKLY")).contains("COUNT or UNTIL");
        assertThat(invalid("FREQ=WEEKLY;COUNT=61")).contains("at most 60");
        assertThat(invalid("FREQ=WEEKLY;COUNT=x")).contains("COUNT");
        assertThat(invalid("")).contains("FREQ=WEEKLY;COUNT=10");
        // ical4j would read INTERVAL=0 as 1 and COUNT=0 as endless: both are refused
        assertThat(invalid("FREQ=WEEKLY;INTERVAL=0;COUNT=3")).contains("INTERVAL must be a whole number of at least 1");
        assertThat(invalid("FREQ=WEEKLY;INTERVAL=-1;COUNT=3")).contains("INTERVAL");
        assertThat(invalid("FREQ=WEEKLY;COUNT=0")).contains("COUNT must be a whole number of at least 1");
        assertThat(invalid("FREQ=DAILY;UNTIL=99991231T000000Z")).contains("2000 to 2100");
    }
}
