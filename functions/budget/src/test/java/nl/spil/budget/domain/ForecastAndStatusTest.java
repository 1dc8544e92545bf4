package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forecasts to year end, status from 80 % and 100 %, and the figures of a report line. */
class ForecastAndStatusTest {

    @Test
    void runRateExtrapolatesThePaceAndPhasingFollowsTheBudgetsShape() {
        // 3 months, 900.00 spent; budget 12,000.00 with 1,500.00 phased so far
        Forecast f = Forecast.of(900_00, 3, 1500_00, 12_000_00);
        assertThat(f.runRate()).isEqualTo(3600_00);
        assertThat(f.phasing()).isEqualTo(7200_00); // 60 % of plan so far, 60 % of the year
        // rounding: 100.00 in 7 months → 171.428… → 171.43
        assertThat(Forecast.of(100_00, 7, 0, 0).runRate()).isEqualTo(171_43);
        // nothing planned yet (all in December): spent + the rest as planned
        assertThat(Forecast.of(50_00, 3, 0, 1000_00).phasing()).isEqualTo(1050_00);
    }

    @Test
    void statusIsWatchFromEightyAndOverFromAHundredPercentOnEitherBasis() {
        assertThat(new Usage(1000_00, 12_000_00, 799_99, 799_99).status()).isEqualTo(Status.OK);
        assertThat(new Usage(1000_00, 12_000_00, 800_00, 800_00).status()).isEqualTo(Status.WATCH);
        assertThat(new Usage(1000_00, 12_000_00, 999_99, 999_99).status()).isEqualTo(Status.WATCH);
        assertThat(new Usage(1000_00, 12_000_00, 1000_00, 1000_00).status()).isEqualTo(Status.OVER);
        // the year basis: to date looks fine (later months booked ahead), the year does not
        assertThat(new Usage(1000_00, 2000_00, 0, 1600_00).status()).isEqualTo(Status.WATCH);
        // spending without a budget is over; no spending and no budget is fine
        assertThat(new Usage(0, 0, 1, 1).status()).isEqualTo(Status.OVER);
        assertThat(new Usage(0, 0, 0, 0).status()).isEqualTo(Status.OK);
        assertThat(new Usage(0, 0, -5, -5).status()).isEqualTo(Status.OK);
    }

    @Test
    void aCrossingIsToldOnceAtTheHighestThresholdAndCountedPerThreshold() {
        Usage before = new Usage(1000_00, 12_000_00, 700_00, 700_00);
        Crossing.Outcome watch = Crossing.between(before, new Usage(1000_00, 12_000_00, 850_00, 850_00), Generations.NONE, 4);
        assertThat(watch.crossing()).get().satisfies(c -> {
            assertThat(c.threshold()).isEqualTo(Threshold.WATCH);
            assertThat(c.generation()).isEqualTo(1);
            assertThat(c.asOfMonth()).isEqualTo(4);
        });
        assertThat(watch.generations()).isEqualTo(new Generations(1, 0));

        // staying above: nothing new
        Crossing.Outcome still = Crossing.between(new Usage(1000_00, 12_000_00, 850_00, 850_00),
                new Usage(1000_00, 12_000_00, 900_00, 900_00), watch.generations(), 4);
        assertThat(still.crossing()).isEmpty();
        assertThat(still.generations()).isEqualTo(new Generations(1, 0));

        // from below 80 % straight over 100 %: one crossing told (100 %), both counted
        Crossing.Outcome both = Crossing.between(before, new Usage(1000_00, 12_000_00, 1200_00, 1200_00),
                new Generations(1, 0), 4);
        assertThat(both.crossing()).get().extracting(Crossing::threshold, Crossing::generation)
                .containsExactly(Threshold.OVER, 1);
        assertThat(both.generations()).isEqualTo(new Generations(2, 1));

        // dropping below (a reversal, or next month's budget) and crossing again is a new crossing
        Crossing.Outcome again = Crossing.between(new Usage(2000_00, 12_000_00, 1200_00, 1200_00),
                new Usage(2000_00, 12_000_00, 1700_00, 1700_00), both.generations(), 5);
        assertThat(again.crossing()).get().extracting(Crossing::threshold, Crossing::generation)
                .containsExactly(Threshold.WATCH, 3);
    }

    @Test
    void asOfCountsThisMonthAPastYearWhollyAndALaterBookingToItsMonth() {
        LocalDate today = LocalDate.of(2027, 4, 15);
        assertThat(AsOf.month(2027, 2, today)).isEqualTo(4);
        assertThat(AsOf.month(2027, 9, today)).isEqualTo(9);
        assertThat(AsOf.month(2026, 2, today)).isEqualTo(12);
        assertThat(AsOf.month(2028, 1, today)).isEqualTo(1);
        assertThat(AsOf.reportMonth(2027, today)).isEqualTo(4);
        assertThat(AsOf.reportMonth(2026, today)).isEqualTo(12);
    }

    @Test
    void aReportLineShowsBudgetActualCommittedAvailableVarianceForecastAndStatus() {
        CategoryYear catering = CategoryYear.empty("OPS", "catering", 2027).withBudget(Budgets.of("OPS", "catering", 2027, Phasing.evenly(12_000_00)))
                .withActual(1, 900_00).withActual(2, 1100_00).withActual(3, 700_00).withActual(5, 50_00)
                .withCommitted(300_00);
        Figures march = Figures.of(catering, 3);
        assertThat(march.budgetYear()).isEqualTo(12_000_00);
        assertThat(march.budgetToDate()).isEqualTo(3000_00);
        assertThat(march.actualToDate()).isEqualTo(2700_00);   // May's booking is not "to date" in March
        assertThat(march.committed()).isEqualTo(300_00);
        assertThat(march.available()).isEqualTo(12_000_00 - 2700_00 - 300_00);
        assertThat(march.variance()).isEqualTo(300_00);
        assertThat(march.varianceBasisPoints()).contains(1000L);
        assertThat(march.usedBasisPoints()).contains(9000L);
        assertThat(march.forecast()).isEqualTo(new Forecast(10_800_00, 10_800_00));
        assertThat(march.status()).isEqualTo(Status.WATCH);

        Figures unbudgeted = Figures.of(CategoryYear.empty("OPS", "travel", 2027).withActual(2, 10_00), 3);
        assertThat(unbudgeted.varianceBasisPoints()).isEqualTo(Optional.empty());
        assertThat(unbudgeted.status()).isEqualTo(Status.OVER);
        assertThat(unbudgeted.available()).isEqualTo(-10_00);

        Figures total = Figures.sum(List.of(march, unbudgeted));
        assertThat(total.actualToDate()).isEqualTo(2710_00);
        assertThat(total.variance()).isEqualTo(290_00);
        assertThat(total.forecast().runRate()).isEqualTo(10_800_00 + 40_00);
        assertThat(total.status()).isEqualTo(Status.WATCH);
        assertThat(Figures.sum(Collections.emptyList()).status()).isEqualTo(Status.OK);
    }
}
