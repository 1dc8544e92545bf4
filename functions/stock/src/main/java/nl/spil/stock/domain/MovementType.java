package nl.spil.stock.domain;

import java.util.Locale;
import java.util.Optional;

/** Why a quantity changed. Every change is one ledger entry. */
public enum MovementType {
    /** Taken from stock (negative). */
    USE,
    /** Delivered or put back (positive). */
    RESTOCK,
    /** A fix by the office manager (either sign). */
    CORRECTION,
    /** The difference booked by a stock-take (either sign). */
    COUNT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MovementType> parse(String code) {
        for (MovementType t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The signed change of a movement recorded with {@code quantity}. */
    public long delta(long quantity) {
        return switch (this) {
            case USE -> -quantity;
            case RESTOCK, CORRECTION, COUNT -> quantity;
        };
    }
}
