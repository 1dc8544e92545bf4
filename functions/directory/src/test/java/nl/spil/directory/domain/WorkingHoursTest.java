package nl.spil.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    @Test
    void keepsOpeningClosingAndDays() {
        WorkingHours h = new WorkingHours(LocalTime.of(7, 30), LocalTime.of(17, 0), EnumSet.of(DayOfWeek.SATURDAY));

        assertThat(h.opens()).isEqualTo(LocalTime.of(7, 30));
        assertThat(h.closes()).isEqualTo(LocalTime.of(17, 0));
        assertThat(h.days()).containsExactly(DayOfWeek.SATURDAY);
    }

    @Test
    void mustOpenBeforeItCloses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(LocalTime.of(18, 0), LocalTime.of(8, 0), EnumSet.of(DayOfWeek.MONDAY)))
                .withMessage("a site must open before it closes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(9, 0), EnumSet.of(DayOfWeek.MONDAY)));
    }

    @Test
    void aMinuteOfOpeningIsEnough() {
        WorkingHours h = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(9, 1), EnumSet.of(DayOfWeek.MONDAY));

        assertThat(h.opens()).isBefore(h.closes());
    }

    @Test
    void mustBeOpenOnAtLeastOneDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.noneOf(DayOfWeek.class)))
                .withMessage("a site must be open on at least one day");
    }

    @Test
    void theDaysAreAnImmutableCopy() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        WorkingHours h = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0), days);

        days.add(DayOfWeek.SUNDAY);

        assertThat(h.days()).containsExactly(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> h.days().add(DayOfWeek.SUNDAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theOfficeDefaultIsEightToSixOnWeekdays() {
        assertThat(WorkingHours.OFFICE_DEFAULT.opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(WorkingHours.OFFICE_DEFAULT.closes()).isEqualTo(LocalTime.of(18, 0));
        assertThat(WorkingHours.OFFICE_DEFAULT.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }
}
