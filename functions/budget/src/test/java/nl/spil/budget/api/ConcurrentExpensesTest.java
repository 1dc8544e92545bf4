package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * Many expenses on one category at once: every one is booked, the running totals add up to the
 * cent, and the crossing of 80 % is raised exactly once (the category-year's version serializes
 * the decisions; a loser reads again and decides again).
 */
class ConcurrentExpensesTest {

    private static final BudgetFunction FN = BudgetFunction.get();

    @Test
    void fortyExpensesAtOnceAddUpAndCrossOnce() throws Exception {
        String cc = BudgetFunction.code("CX");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("catering", "Catering");
        FN.budget(cc, "catering", 2027, 12_000_00); // 4,000.00 to date in April
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> FN.recordExpense(cc, "catering", "2027-04-01", 100_01))); // 4,000.40 in all
        }
        for (Future<HttpAnswer> a : answers) {
            assertThat(a.get().status()).as(a.get().toString()).isEqualTo(201);
        }
        pool.shutdown();
        var figures = FN.figures(cc, "catering", 2027, 4);
        assertThat(figures.path("actualToDate").path("amountCents").asLong()).isEqualTo(40 * 100_01);
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:80:1")).isPresent();
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:80:2")).isEmpty();
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:100:1")).isPresent();
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:100:2")).isEmpty();
        assertThat(FN.send(BudgetFunction.event("list-expenses.json").queryParameter("costCentre", cc)
                .queryParameter("month", "4").queryParameter("limit", "200")).json().path("items")).hasSize(40);
    }
}
