package nl.spil.budget.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import nl.spil.platform.i18n.Language;

/**
 * Integer cents as people read them, and the few divisions reports need, all exact: no floating
 * point anywhere, also not in CSV or e-mail.
 */
public final class Cents {

    private Cents() {
    }

    /** {@code 123456} → {@code "1234.56"}; {@code -5} → {@code "-0.05"}; with ',' for the Dutch spreadsheet. */
    public static String decimal(long cents, char separator) {
        BigInteger abs = BigInteger.valueOf(cents).abs(); // Long.MIN_VALUE too
        BigInteger[] parts = abs.divideAndRemainder(BigInteger.valueOf(100));
        String fraction = parts[1].toString();
        return (cents < 0 ? "-" : "") + parts[0] + separator + (fraction.length() == 1 ? "0" + fraction : fraction);
    }

    /** An amount as a person reads it in an e-mail: {@code € 1.234,56} in Dutch, {@code €1,234.56} in English. */
    public static String euro(long cents, Language language) {
        String plain = decimal(Math.abs(cents), '.');
        String whole = plain.substring(0, plain.length() - 3);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(language.pick('.', ','));
            }
            grouped.append(whole.charAt(i));
        }
        String amount = grouped + language.pick(",", ".") + plain.substring(plain.length() - 2);
        return (cents < 0 ? "-" : "") + language.pick("€ ", "€") + amount;
    }

    /** Basis points (1/100 %) as a percentage with two decimals: {@code 8512} → {@code "85.12"}. */
    public static String percent(long basisPoints, char separator) {
        return decimal(basisPoints, separator);
    }

    /** {@code amount × numerator ÷ denominator}, rounded half away from zero, exactly. */
    public static long scale(long amount, long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new BigDecimal(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator)))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code part} as basis points of {@code whole} (10000 = 100 %), rounded half away from zero. */
    public static long basisPoints(long part, long whole) {
        return scale(part, 10_000, whole);
    }
}
