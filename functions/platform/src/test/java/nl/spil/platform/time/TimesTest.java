package nl.spil.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00+18:00", "+999999999-12-31T23:45:00-18:00", "1999-12-31T23:59:59Z",
            "2101-01-01T00:00:00Z", "2100-12-31T23:00:00-02:00", "2027-03-29T10:00:00", "2027-02-30T10:00:00Z", "", "now"})
    void refusesDateTimesOutsideTheYearsOrWithoutAnOffset(String text) {
        assertThat(Times.parseDateTime(text)).isEmpty();
    }

    @Test
    void acceptsRfc3339WithinTheYears() {
        assertThat(Times.parseDateTime("2027-03-29T10:00:00+02:00")).hasValueSatisfying(t ->
                assertThat(t.toInstant()).isEqualTo(Instant.parse("2027-03-29T08:00:00Z")));
        assertThat(Times.parseDateTime("2000-01-01T00:00:00Z")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "1999-12-31", "2101-01-01", "2027-3-1", "2027-03-29T10:00"})
    void refusesDatesOutsideTheYears(String text) {
        assertThat(Times.parseDate(text)).isEmpty();
    }

    @Test
    void writesEveryInstantWithSeconds() {
        Instant t = Instant.parse("2027-01-05T09:00:00Z");
        assertThat(Times.text(t)).isEqualTo("2027-01-05T09:00:00Z");
        assertThat(Times.text(t, ZoneId.of("Europe/Amsterdam"))).isEqualTo("2027-01-05T10:00:00+01:00");
        assertThat(Times.text(Instant.parse("2027-01-05T09:00:00.250Z"))).isEqualTo("2027-01-05T09:00:00.250Z");
    }
}
