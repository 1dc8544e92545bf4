package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expenses and commitments on the running totals, and the crossings they cause. */
class BookkeepingTest {

    private static final Instant NOW = Instant.parse("2027-04-10T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 4, 10);
    private static final BudgetKey CATERING = new BudgetKey("OPS", "catering", 2027);
    private static final BudgetKey TRAVEL = new BudgetKey("OPS", "travel", 2027);

    private static Expense expense(String id, int month, long cents, String category) {
        return Expense.manual(id, LocalDate.of(2027, month, 1), cents, "s", "d", "OPS", category, "olga", NOW);
    }

    @Test
    void anExpenseMovesItsMonthAndTellsTheCrossingItCauses() {
        // 1,200.00 a year: 400.00 to date in April; 300.00 spent
        CategoryYear catering = CategoryYear.empty("OPS", "catering", 2027)
                .withBudget(Budgets.of("OPS", "catering", 2027, Phasing.evenly(1200_00))).withActual(2, 300_00);
        Bookkeeping.Result r = Bookkeeping.book(Map.of(CATERING, catering), List.of(expense("x1", 4, 25_00, "catering")),
                Map.of(), TODAY, NOW);
        assertThat(r.changes()).hasSize(1);
        assertThat(r.changes().get(0).after().actual().get(4)).isEqualTo(25_00);
        assertThat(r.crossings()).singleElement().satisfies(c -> {
            assertThat(c.threshold()).isEqualTo(80);
            assertThat(c.generation()).isEqualTo(1);
            assertThat(c.asOfMonth()).isEqualTo(4);
            assertThat(c.actualToDate().amountCents()).isEqualTo(325_00);
            assertThat(c.budgetToDate().amountCents()).isEqualTo(400_00);
            assertThat(c.expenseId()).isEqualTo("x1");
            assertThat(c.dedupeKey()).isEqualTo("budget:threshold:OPS:catering:2027:80:1");
        });
        assertThat(r.changes().get(0).after().generations()).isEqualTo(new Generations(1, 0));
    }

    @Test
    void aCorrectionWithinOneCategoryIsJudgedOnItsNetEffect() {
        CategoryYear catering = CategoryYear.empty("OPS", "catering", 2027)
                .withBudget(Budgets.of("OPS", "catering", 2027, Phasing.evenly(1200_00))).withActual(3, 300_00);
        Expense original = expense("x1", 3, 300_00, "catering");
        Expense reversal = original.reversal("x2", "olga", "typo", NOW);
        Bookkeeping.Result r = Bookkeeping.book(Map.of(CATERING, catering),
                List.of(reversal, expense("x3", 3, 330_00, "catering")), Map.of(), TODAY, NOW);
        assertThat(r.changes().get(0).after().actual().get(3)).isEqualTo(330_00);
        assertThat(r.crossings()).singleElement().extracting(BudgetThresholdCrossed::expenseId).isEqualTo("x3");

        // moved to another category: one goes down, the other up
        Bookkeeping.Result moved = Bookkeeping.book(Map.of(CATERING, catering, TRAVEL, CategoryYear.empty("OPS", "travel", 2027)),
                List.of(reversal, expense("x4", 3, 300_00, "travel")), Map.of(), TODAY, NOW);
        assertThat(moved.changes()).extracting(c -> c.after().actual().total()).containsExactly(0L, 300_00L);
        assertThat(moved.crossings()).singleElement().satisfies(c -> {
            assertThat(c.category()).isEqualTo("travel");
            assertThat(c.threshold()).isEqualTo(100); // no budget at all
        });
    }

    @Test
    void commitmentsMoveButNeverCrossAThreshold() {
        CategoryYear catering = CategoryYear.empty("OPS", "catering", 2027)
                .withBudget(Budgets.of("OPS", "catering", 2027, Phasing.evenly(1200_00)));
        Bookkeeping.Result r = Bookkeeping.book(Map.of(CATERING, catering), List.of(), Map.of(CATERING, 5000_00L), TODAY, NOW);
        assertThat(r.changes().get(0).after().committed()).isEqualTo(5000_00);
        assertThat(r.crossings()).isEmpty();
        assertThat(Bookkeeping.book(Map.of(CATERING, catering), List.of(), Map.of(CATERING, 0L), TODAY, NOW).changes()).isEmpty();
    }
}
