package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A year's budget over its months: spread evenly to the cent, or given, and then it must add up. */
class PhasingTest {

    @Test
    void spreadEvenlyTheMonthsAddUpToTheYearToTheCent() {
        for (long year : new long[] {0, 1, 11, 12, 13, 100_000, 1_000_00, 123_456_789, 99_999_999_999L}) {
            Phasing p = Phasing.evenly(year);
            assertThat(p.year()).as("year " + year).isEqualTo(year);
            List<Long> months = p.months().toList();
            assertThat(months.stream().mapToLong(Long::longValue).max().getAsLong()
                    - months.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
        }
        // 1000.00: the 4 cents that do not divide by twelve go to the first four months
        Phasing thousand = Phasing.evenly(100_000);
        assertThat(thousand.months().toList()).containsExactly(8334L, 8334L, 8334L, 8334L, 8333L, 8333L, 8333L, 8333L,
                8333L, 8333L, 8333L, 8333L);
        assertThat(thousand.toDate(0)).isZero();
        assertThat(thousand.toDate(3)).isEqualTo(25_002);
        assertThat(thousand.toDate(12)).isEqualTo(100_000);
    }

    @Test
    void givenMonthsMustAddUpToTheYear() {
        List<Long> months = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
        months.set(5, 400_00L);   // summer outing
        months.set(11, 600_00L);  // December party
        Phasing p = Phasing.of(1000_00, months);
        assertThat(p.toDate(5)).isZero();
        assertThat(p.toDate(6)).isEqualTo(400_00);
        assertThat(p.year()).isEqualTo(1000_00);

        assertThatThrownBy(() -> Phasing.of(1000_01, months))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> {
                    assertThat(r.refusal().slug()).isEqualTo("phasing-mismatch");
                    assertThat(r.refusal().detail()).contains("1000.00", "1000.01", "-0.01");
                });
    }

    @Test
    void monthsAreTwelveAndNeverNegative() {
        assertThatThrownBy(() -> Phasing.of(0, List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        List<Long> negative = new ArrayList<>(java.util.Collections.nCopies(12, 0L));
        negative.set(0, -1L);
        negative.set(1, 1L);
        assertThatThrownBy(() -> Phasing.of(0, negative)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Phasing.evenly(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
