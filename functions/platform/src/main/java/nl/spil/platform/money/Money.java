package nl.spil.platform.money;

import java.util.Objects;

/** An amount in integer cents of one currency; never floating point. */
public record Money(long amountCents, String currency) {

    public static final String EUR = "EUR";

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
    }

    public static Money eur(long cents) {
        return new Money(cents, EUR);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(amountCents, other.amountCents), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(Math.subtractExact(amountCents, other.amountCents), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(amountCents, quantity), currency);
    }

    public boolean isNegative() {
        return amountCents < 0;
    }

    /** Percentage of {@code whole}, rounded half up to whole basis points (1/100 %). */
    public long basisPointsOf(Money whole) {
        sameCurrency(whole);
        if (whole.amountCents == 0) {
            throw new ArithmeticException("percentage of zero");
        }
        return Math.floorDiv(Math.addExact(Math.multiplyExact(amountCents, 20_000L), whole.amountCents),
                Math.multiplyExact(2L, whole.amountCents));
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        long abs = Math.abs(amountCents); // Long.MIN_VALUE stays negative: read it unsigned
        return (amountCents < 0 ? "-" : "") + currency + " " + Long.toUnsignedString(Long.divideUnsigned(abs, 100))
                + "." + String.format("%02d", Long.remainderUnsigned(abs, 100));
    }
}
