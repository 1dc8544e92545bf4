package nl.spil.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.money.Money;
import nl.spil.stock.domain.Item.ItemDetails;
import org.junit.jupiter.api.Test;

/** The arithmetic of stock: low, suggestions, days of cover, count differences, the ledger, orders. */
class StockArithmeticTest {

    private static final Instant T = Instant.parse("2026-11-27T07:00:00Z");

    static Item item(String id, String sku, long quantity, long onOrder, long minimum, long upTo, String supplier) {
        return new Item(id, "site", sku, new ItemDetails("Item " + sku, "piece", Optional.empty(), minimum, upTo,
                Optional.ofNullable(supplier), 125), quantity, onOrder, 1, T, T);
    }

    @Test
    void anItemIsLowOnlyBelowItsMinimum() {
        assertThat(StockLevels.isLow(9, 10)).isTrue();
        assertThat(StockLevels.isLow(10, 10)).isFalse();
        assertThat(StockLevels.isLow(0, 0)).isFalse();
    }

    @Test
    void theSuggestionFillsUpToTheReorderLevelMinusWhatIsOnHandAndOnOrder() {
        assertThat(StockLevels.suggestedOrder(5, 0, 100)).isEqualTo(95);
        assertThat(StockLevels.suggestedOrder(5, 40, 100)).isEqualTo(55);
        assertThat(StockLevels.suggestedOrder(5, 120, 100)).isZero();
        assertThat(StockLevels.suggestedOrder(100, 0, 100)).isZero();
    }

    @Test
    void theLowThresholdDecidesLowAfterAChangeWithoutKnowingTheExactQuantity() {
        // minimum 10, use 3: low afterwards exactly when the quantity now is below 13
        long t = StockLevels.lowThreshold(10, -3);
        assertThat(t).isEqualTo(13);
        for (long q = 3; q < 30; q++) {
            assertThat(q < t).as("quantity " + q).isEqualTo(StockLevels.isLow(q - 3, 10));
        }
        long restock = StockLevels.lowThreshold(10, 5);
        for (long q = 0; q < 30; q++) {
            assertThat(q < restock).as("quantity " + q).isEqualTo(StockLevels.isLow(q + 5, 10));
        }
    }

    @Test
    void suggestionsAreGroupedBySupplierAndLeaveOutWhatIsNotLowOrAlreadyOnOrder() {
        List<Item> items = List.of(
                item("1", "PEN", 5, 0, 20, 100, "jansen"),
                item("2", "PAPER", 2, 0, 10, 30, "jansen"),
                item("3", "TONER", 0, 3, 1, 3, "other"),    // low, but fully on order
                item("4", "CLIP", 1, 2, 5, 10, "other"),    // low, partly on order: 7 more
                item("5", "MUG", 50, 0, 10, 60, "jansen"),  // not low
                item("6", "LOOSE", 0, 0, 1, 4, null));
        var all = Suggestions.group(items, false);
        assertThat(all).extracting(g -> g.supplierId().orElse("-")).containsExactly("-", "jansen", "other");
        assertThat(all.get(1).suggestions()).extracting(s -> s.item().sku() + "=" + s.quantity())
                .containsExactly("PAPER=28", "PEN=95");
        assertThat(all.get(2).suggestions()).extracting(s -> s.item().sku() + "=" + s.quantity()).containsExactly("CLIP=7");
        assertThat(all.get(0).suggestions()).extracting(s -> s.quantity()).containsExactly(4L);

        var reminder = Suggestions.group(items, true); // the reminder does not nag about items on order
        assertThat(reminder).extracting(g -> g.supplierId().orElse("-")).containsExactly("-", "jansen");
        assertThat(Suggestions.group(List.of(item("5", "MUG", 50, 0, 10, 60, "j")), true)).isEmpty();
    }

    @Test
    void daysOfCoverFromTheLastThirtyDaysOfUse() {
        assertThat(DaysOfCover.of(30, List.of(10L, 20L), 30)).contains(30L); // 1 a day
        assertThat(DaysOfCover.of(10, List.of(60L), 30)).contains(5L);       // 2 a day
        assertThat(DaysOfCover.of(10, List.of(7L), 30)).contains(42L);       // rounded down from 42.86
        assertThat(DaysOfCover.of(0, List.of(7L), 30)).contains(0L);
        assertThat(DaysOfCover.of(10, List.of(), 30)).isEmpty();             // not used: lasts forever
    }

    @Test
    void aCountLineBooksTheDifferenceWithTheBooks() {
        assertThat(new CountLine("i", 97).differenceFrom(100)).isEqualTo(-3);
        assertThat(new CountLine("i", 21).differenceFrom(5)).isEqualTo(16);
        assertThat(new CountLine("i", 12).differenceFrom(12)).isZero();
        assertThatThrownBy(() -> new CountLine("i", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLedgerSumsToTheQuantityAndMovementsHaveTheirSign() {
        assertThat(MovementType.USE.delta(3)).isEqualTo(-3);
        assertThat(MovementType.RESTOCK.delta(3)).isEqualTo(3);
        assertThat(MovementType.CORRECTION.delta(-2)).isEqualTo(-2);
        List<Movement> ledger = List.of(
                new Movement("a", "i", MovementType.COUNT, 100, "p", Optional.empty(), T),
                new Movement("b", "i", MovementType.USE, -1, "p", Optional.empty(), T),
                new Movement("c", "i", MovementType.COUNT, -3, "p", Optional.empty(), T));
        assertThat(Movement.sum(ledger)).isEqualTo(96);
        assertThatThrownBy(() -> new Movement("d", "i", MovementType.USE, 0, "p", Optional.empty(), T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MovementType.parse("use")).contains(MovementType.USE);
        assertThat(MovementType.parse("USE")).isEmpty();
    }

    @Test
    void anItemNeverHoldsLessThanNothingAndItsLevelsMakeSense() {
        assertThatThrownBy(() -> item("1", "X", -1, 0, 0, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("1", "X", 0, 0, 10, 5, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrderIsReceivedInPartsUpToWhatWasOrdered() {
        PurchaseOrder draft = PurchaseOrder.draft("po", "site", "sup", new CostAllocation("CC-100", "office-supplies"),
                List.of(new OrderLine("1", "PEN", "Pen", 95, 0, 125), new OrderLine("2", "PAPER", "Paper", 28, 0, 400)), T);
        assertThat(draft.total()).isEqualTo(Money.eur(95 * 125 + 28 * 400));
        assertRefused(() -> draft.receiving(Map.of("1", 1L), T), Refused.Why.NOT_RECEIVABLE);
        PurchaseOrder sent = draft.sent(T);
        assertRefused(() -> sent.sent(T), Refused.Why.NOT_A_DRAFT);
        PurchaseOrder part = sent.receiving(Map.of("1", 60L), T);
        assertThat(part.status()).isEqualTo(PurchaseOrder.Status.PARTIALLY_RECEIVED);
        assertThat(part.line("1").orElseThrow().outstanding()).isEqualTo(35);
        assertThat(part.outstanding()).isEqualTo(Money.eur(35 * 125 + 28 * 400));
        assertRefused(() -> part.receiving(Map.of("1", 36L), T), Refused.Why.NOT_OUTSTANDING);
        assertRefused(() -> part.receiving(Map.of("9", 1L), T), Refused.Why.NOT_OUTSTANDING);
        assertRefused(() -> part.receiving(Map.of(), T), Refused.Why.NOTHING_TO_RECEIVE);
        assertThat(part.delivery(Map.of())).isEqualTo(Map.of("1", 35L, "2", 28L));
        assertThat(part.delivery(Map.of("1", 0L, "2", 3L))).isEqualTo(Map.of("2", 3L));
        PurchaseOrder all = part.receiving(part.delivery(Map.of()), T);
        assertThat(all.status()).isEqualTo(PurchaseOrder.Status.RECEIVED);
        assertThat(all.isOpen()).isFalse();
        assertRefused(() -> all.cancelled(T), Refused.Why.ORDER_CLOSED);
        assertThat(part.cancelled(T).status()).isEqualTo(PurchaseOrder.Status.CANCELLED);
        assertThat(PurchaseOrder.Status.PARTIALLY_RECEIVED.code()).isEqualTo("partially-received");
    }

    @Test
    void anOrderIsChargedToWhatItNamesElseItsSiteElseNoOrderIsMade() {
        Optional<CostAllocation> site = Optional.of(new CostAllocation("CC-200", "facilities"));
        assertThat(CostAllocation.resolve(Optional.of("CC-1"), Optional.empty(), site, "s"))
                .isEqualTo(new CostAllocation("CC-1", "facilities"));
        assertThat(CostAllocation.resolve(Optional.empty(), Optional.of("it"), site, "s"))
                .isEqualTo(new CostAllocation("CC-200", "it"));
        assertThat(CostAllocation.resolve(Optional.of("CC-1"), Optional.empty(), Optional.empty(), "s"))
                .isEqualTo(new CostAllocation("CC-1", CostAllocation.DEFAULT_CATEGORY));
        assertRefused(() -> CostAllocation.resolve(Optional.empty(), Optional.of("it"), Optional.empty(), "s"),
                Refused.Why.NO_COST_CENTRE);
        assertThat(CostAllocation.isCode("CC-100.a_b")).isTrue();
        assertThat(CostAllocation.isCode("-CC")).isFalse();
        assertThat(CostAllocation.isCode("a b")).isFalse();
        assertThat(CostAllocation.isCode("x".repeat(41))).isFalse();
    }

    @Test
    void aNewItemOpensItsLedgerWithWhatItHolds() {
        ItemDetails details = new ItemDetails("Pen", "piece", Optional.empty(), 1, 5, Optional.empty(), 10);
        Item full = Item.open("i", "site", "PEN", details, 7, T);
        assertThat(full.version()).isEqualTo(1);
        assertThat(full.onOrder()).isZero();
        Movement opening = Movement.opening("m", full, "p").orElseThrow();
        assertThat(opening.type()).isEqualTo(MovementType.COUNT);
        assertThat(opening.delta()).isEqualTo(7);
        assertThat(Movement.opening("m", Item.open("j", "site", "NIB", details, 0, T), "p")).isEmpty();
    }

    static void assertRefused(Runnable decision, Refused.Why why) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.why()).isEqualTo(why));
    }
}
