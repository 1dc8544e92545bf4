package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cents as text and the exact divisions of reports: never floating point. */
class MoneyArithmeticTest {

    @Test
    void centsAreWrittenWithTwoDecimalsWithEitherSeparator() {
        assertThat(Cents.decimal(0, '.')).isEqualTo("0.00");
        assertThat(Cents.decimal(5, '.')).isEqualTo("0.05");
        assertThat(Cents.decimal(-5, '.')).isEqualTo("-0.05");
        assertThat(Cents.decimal(-100, ',')).isEqualTo("-1,00");
        assertThat(Cents.decimal(123456, ',')).isEqualTo("1234,56");
        assertThat(Cents.decimal(1999999999999L, '.')).isEqualTo("19999999999.99");
        assertThat(Cents.decimal(Long.MIN_VALUE, '.')).isEqualTo("-92233720368547758.08");
        assertThat(Cents.decimal(Long.MAX_VALUE, '.')).isEqualTo("92233720368547758.07");
        // 0.1 + 0.2 is a classic floating point trap; in cents it is just 30
        assertThat(Cents.decimal(10 + 20, '.')).isEqualTo("0.30");
    }

    @Test
    void scalingRoundsHalfAwayFromZeroExactly() {
        assertThat(Cents.scale(100, 1, 3)).isEqualTo(33);
        assertThat(Cents.scale(200, 1, 3)).isEqualTo(67);
        assertThat(Cents.scale(5, 1, 2)).isEqualTo(3);
        assertThat(Cents.scale(-5, 1, 2)).isEqualTo(-3);
        assertThat(Cents.scale(-100, 1, 3)).isEqualTo(-33);
        // a product beyond long is still exact
        assertThat(Cents.scale(90_000_000_000L, 90_000_000_000L, 90_000_000_000L)).isEqualTo(90_000_000_000L);
        assertThatThrownBy(() -> Cents.scale(1, 1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void basisPointsArePercentagesWithTwoDecimals() {
        assertThat(Cents.basisPoints(85_12, 100_00)).isEqualTo(8512);
        assertThat(Cents.basisPoints(1, 3)).isEqualTo(3333);
        assertThat(Cents.basisPoints(2, 3)).isEqualTo(6667);
        assertThat(Cents.basisPoints(-1, 8)).isEqualTo(-1250);
        assertThat(Cents.percent(8512, '.')).isEqualTo("85.12");
        assertThat(Cents.percent(-1250, ',')).isEqualTo("-12,50");
    }
}
