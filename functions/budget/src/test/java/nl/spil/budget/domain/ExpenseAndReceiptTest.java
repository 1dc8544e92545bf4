package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Expenses are never edited: reversals with who and why; receipts recognised by their first bytes. */
class ExpenseAndReceiptTest {

    private static final Instant NOW = Instant.parse("2027-03-05T10:00:00Z");

    @Test
    void aReversalNegatesTheOriginalOnItsOwnDateAndSaysWhoAndWhy() {
        Expense lunch = Expense.manual("x1", LocalDate.of(2027, 2, 28), 45_99, "Bakker", "Lunch", "OPS", "catering", "olga", NOW);
        Expense reversal = lunch.reversal("x2", "olga", "wrong cost centre", NOW);
        assertThat(reversal.amountCents()).isEqualTo(-45_99);
        assertThat(reversal.date()).isEqualTo(lunch.date());
        assertThat(reversal.costCentre()).isEqualTo("OPS");
        assertThat(reversal.reverses()).contains("x1");
        assertThat(reversal.reason()).contains("wrong cost centre");
        assertThat(reversal.source()).isEqualTo(Expense.Source.REVERSAL);

        assertThatThrownBy(() -> reversal.reversal("x3", "olga", "again", NOW)).isInstanceOfSatisfying(Refusal.Refused.class,
                r -> assertThat(r.refusal().slug()).isEqualTo("reversal-not-reversible"));
        assertThatThrownBy(() -> lunch.reversedBy("x2").reversal("x3", "olga", "twice", NOW))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo("already-reversed"));
        assertThatThrownBy(() -> Expense.manual("x", LocalDate.of(2027, 1, 1), 0, "s", "d", "OPS", "c", "o", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptsArePdfJpegOrPngOfAtMostTenMegabytesAsAnnounced() {
        byte[] pdf = "%PDF-1.7\n".getBytes();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        assertThat(ReceiptType.check(ReceiptType.PDF, 9, pdf)).isEqualTo(ReceiptType.PDF);
        assertThat(ReceiptType.check(ReceiptType.PNG, 8, png)).isEqualTo(ReceiptType.PNG);
        assertThat(ReceiptType.check(ReceiptType.JPEG, ReceiptType.MAX_BYTES, jpeg)).isEqualTo(ReceiptType.JPEG);
        assertThat(ReceiptType.ofContentType("IMAGE/PNG")).contains(ReceiptType.PNG);
        assertThat(ReceiptType.ofContentType("image/gif")).isEmpty();

        record Case(ReceiptType announced, long size, byte[] head, String slug) {
        }
        for (Case c : new Case[] {
                new Case(ReceiptType.PDF, 0, pdf, "receipt-empty"),
                new Case(ReceiptType.PDF, ReceiptType.MAX_BYTES + 1, pdf, "receipt-too-large"),
                new Case(ReceiptType.PDF, 10, "<html>".getBytes(), "receipt-unknown-type"),
                new Case(ReceiptType.PDF, 8, png, "receipt-type-mismatch")}) {
            assertThatThrownBy(() -> ReceiptType.check(c.announced(), c.size(), c.head()))
                    .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo(c.slug()));
        }
    }

    @Test
    void budgetIdsReadBackAndRefuseAnythingElse() {
        BudgetKey key = new BudgetKey("OPS", "office-supplies", 2027);
        assertThat(key.id()).isEqualTo("2027~OPS~office-supplies");
        assertThat(BudgetKey.parse("2027~4100.10~office.supplies")).contains(new BudgetKey("4100.10", "office.supplies", 2027));
        assertThat(BudgetKey.parse(key.id())).contains(key);
        for (String bad : new String[] {"2027~OPS", "27~OPS~x", "2027~OPS~x~y", "1999~OPS~x", "2027~~x", "2027~O#S~x", "2027.OPS.x", ""}) {
            assertThat(BudgetKey.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Codes.valid("4100")).isTrue();
        assertThat(Codes.valid("-x")).isFalse();
        assertThat(Codes.valid("a".repeat(41))).isFalse();
    }
}
