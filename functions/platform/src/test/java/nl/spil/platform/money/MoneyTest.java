package nl.spil.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static Money usd(long cents) {
        return new Money(cents, "USD");
    }

    @Test
    void addsSubtractsAndMultipliesInCents() {
        assertThat(Money.eur(1250).plus(Money.eur(99))).isEqualTo(Money.eur(1349));
        assertThat(Money.eur(1250).minus(Money.eur(1300))).isEqualTo(Money.eur(-50));
        assertThat(Money.eur(-50).plus(Money.eur(50))).isEqualTo(Money.eur(0));
        assertThat(Money.eur(199).times(3)).isEqualTo(Money.eur(597));
        assertThat(Money.eur(199).times(0)).isEqualTo(Money.eur(0));
        assertThat(Money.eur(199).times(-2)).isEqualTo(Money.eur(-398));
    }

    @Test
    void knowsWhenItIsNegative() {
        assertThat(Money.eur(-1).isNegative()).isTrue();
        assertThat(Money.eur(0).isNegative()).isFalse();
        assertThat(Money.eur(1).isNegative()).isFalse();
    }

    @Test
    void eurIsMoneyInEuro() {
        assertThat(Money.eur(5)).isEqualTo(new Money(5, "EUR"));
        assertThat(Money.eur(5).currency()).isEqualTo(Money.EUR);
    }

    @Test
    void throwsOnOverflowInsteadOfWrappingAround() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.eur(Long.MAX_VALUE).plus(Money.eur(1)));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.eur(Long.MIN_VALUE).minus(Money.eur(1)));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.eur(Long.MAX_VALUE / 2 + 1).times(2));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.eur(Long.MIN_VALUE).times(-1));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.eur(1).plus(usd(1))).withMessage("cannot mix EUR and USD");
        assertThatIllegalArgumentException().isThrownBy(() -> usd(1).minus(Money.eur(1))).withMessage("cannot mix USD and EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.eur(1).basisPointsOf(usd(3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EU", "EURO", "E1R", "", " EUR"})
    void refusesACurrencyThatIsNotAThreeLetterCode(String currency) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(1, currency));
    }

    @Test
    void refusesANullCurrency() {
        assertThatNullPointerException().isThrownBy(() -> new Money(1, null));
    }

    @ParameterizedTest(name = "{0} of {1} is {2} basis points")
    @CsvSource({
        "1, 3, 3333",        // 33.333 %
        "2, 3, 6667",        // 66.667 %
        "80, 100, 8000",     // exactly 80 %
        "8000, 10000, 8000",
        "1, 1, 10000",
        "0, 7, 0",
        "150, 100, 15000",   // over budget
        "1, 20000, 1",       // 0.5 bp rounds half up
        "1, 20001, 0",       // just under half
        "3, 40000, 1",       // 0.75 bp
        "1, 40000, 0",       // 0.25 bp
        "1, 6, 1667",
        "5, 6, 8333",
        "-1, 3, -3333",      // a refund: nearest, like the positive side
        "-2, 3, -6667",
        "1, -3, -3333",
        "123456789, 987654321, 1250",
    })
    void basisPointsOfRoundsToTheNearestWithHalvesUp(long part, long whole, long expected) {
        assertThat(Money.eur(part).basisPointsOf(Money.eur(whole))).isEqualTo(expected);
    }

    @Test
    void basisPointsOfZeroIsRefused() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.eur(5).basisPointsOf(Money.eur(0)));
    }

    @Test
    void basisPointsOfLargeAmountsIsExact() {
        long whole = 400_000_000_000_000L; // 4 trillion euro in cents: 20 000 times it still fits a long
        assertThat(Money.eur(whole / 4).basisPointsOf(Money.eur(whole))).isEqualTo(2500);
    }

    @Test
    void basisPointsOfThrowsRatherThanAnsweringNonsenseWhenTheArithmeticOverflows() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.eur(Long.MAX_VALUE).basisPointsOf(Money.eur(Long.MAX_VALUE)));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.eur(1).basisPointsOf(Money.eur(Long.MAX_VALUE)));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.eur(-1).basisPointsOf(Money.eur(Long.MIN_VALUE)));
    }

    @ParameterizedTest
    @CsvSource({
        "1234, EUR 12.34",
        "5, EUR 0.05",
        "0, EUR 0.00",
        "100, EUR 1.00",
        "-150, -EUR 1.50",
        "-1, -EUR 0.01",
        "9223372036854775807, EUR 92233720368547758.07",
        "-9223372036854775808, -EUR 92233720368547758.08",
    })
    void printsCurrencyAndTwoDecimals(long cents, String expected) {
        assertThat(Money.eur(cents)).hasToString(expected);
    }
}
