package nl.spil.budget.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Money spent, in integer cents of EUR. An expense is never edited in place: a correction is a
 * reversal (the same amount negated, on the same date, cost centre and category, naming the
 * original and why) plus, usually, a new expense. Only the receipt (a file, checked after upload)
 * and the mark that it was reversed are ever added to it.
 */
public record Expense(String id, LocalDate date, long amountCents, String supplier, String description,
                      String costCentre, String category, Source source, Optional<String> orderId,
                      Optional<String> reverses, Optional<String> reversedBy, Optional<String> reason,
                      String createdBy, Instant createdAt, Optional<Receipt> receipt) {

    /** The largest amount one expense may hold: 1 billion euro, far from any overflow of the running totals. */
    public static final long MAX_CENTS = 100_000_000_000L;

    /** Where an expense came from. */
    public enum Source {
        MANUAL, PURCHASE_ORDER, REVERSAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Expense {
        if (Math.abs(amountCents) > MAX_CENTS) {
            throw new IllegalArgumentException("an expense is at most " + MAX_CENTS + " cents");
        }
    }

    /** An expense the office manager records. */
    public static Expense manual(String id, LocalDate date, long amountCents, String supplier, String description,
                                 String costCentre, String category, String by, Instant now) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a recorded expense is positive; a correction reverses one");
        }
        return new Expense(id, date, amountCents, supplier, description, costCentre, category, Source.MANUAL,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), by, now, Optional.empty());
    }

    /** What a delivery of a purchase order cost, booked from stock's event. */
    public static Expense received(String id, LocalDate date, long amountCents, String supplierId, String orderId,
                                   long receiptId, String costCentre, String category, Instant now) {
        return new Expense(id, date, amountCents, supplierId, "Purchase order " + orderId + ", delivery " + receiptId,
                costCentre, category, Source.PURCHASE_ORDER, Optional.of(orderId), Optional.empty(), Optional.empty(),
                Optional.empty(), "stock", now, Optional.empty());
    }

    public boolean isReversal() {
        return source == Source.REVERSAL;
    }

    public int year() {
        return date.getYear();
    }

    public int month() {
        return date.getMonthValue();
    }

    /**
     * The reversal of this expense.
     *
     * @throws Refusal.Refused {@code already-reversed} or {@code reversal-not-reversible}
     */
    public Expense reversal(String id, String by, String why, Instant now) {
        if (isReversal()) {
            throw Refusal.refused("reversal-not-reversible", "A reversal stays",
                    "expense " + this.id + " is itself a reversal; record a new expense instead");
        }
        if (reversedBy.isPresent()) {
            throw Refusal.refused("already-reversed", "Already reversed",
                    "expense " + this.id + " was reversed by " + reversedBy.get());
        }
        return new Expense(id, date, -amountCents, supplier, "Reversal of " + this.id + ": " + description, costCentre,
                category, Source.REVERSAL, orderId, Optional.of(this.id), Optional.empty(), Optional.of(why), by, now,
                Optional.empty());
    }

    public Expense withReceipt(Receipt attached) {
        return new Expense(id, date, amountCents, supplier, description, costCentre, category, source, orderId, reverses,
                reversedBy, reason, createdBy, createdAt, Optional.of(attached));
    }

    public Expense reversedBy(String reversalId) {
        return new Expense(id, date, amountCents, supplier, description, costCentre, category, source, orderId, reverses,
                Optional.of(reversalId), reason, createdBy, createdAt, receipt);
    }
}
