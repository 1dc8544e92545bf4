package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB requests per endpoint (written down in docs/architecture.md), and the report's cost as
 * expenses grow: the same requests and the same items read with ten times more expenses.
 */
class RequestCountsTest {

    private static final BudgetFunction FN = BudgetFunction.get();

    private static RequestCounter.Usage measure(String what, int status, Supplier<HttpAnswer> call) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = call.get();
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
        System.out.println("requests " + what + ": " + usage.byOperation() + ", items read " + usage.itemsRead());
        return usage;
    }

    @Test
    void perEndpoint() {
        String owner = FN.person("Olga Jansen", "nl", "office-manager");
        String cc = BudgetFunction.code("RC");
        assertThat(measure("POST /cost-centres", 201, () -> FN.createCostCentre(cc, "Counted", owner)).byOperation())
                .isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
        FN.category("catering", "Catering");
        assertThat(measure("POST /budgets", 201, () -> FN.setBudget(cc, "catering", 2027, 12_000_00, null)).byOperation())
                .isEqualTo(Map.of("Query", 1L, "TransactWriteItems", 1L));
        RequestCounter.Usage expense = measure("POST /expenses", 201, () -> FN.recordExpense(cc, "catering", "2027-03-05", 45_99));
        assertThat(expense.byOperation()).isEqualTo(Map.of("Query", 1L, "TransactWriteItems", 1L));
        assertThat(expense.total()).isLessThanOrEqualTo(3);
        // crossing a threshold costs nothing more: the event rides in the same transaction
        assertThat(measure("POST /expenses (crossing 80 %)", 201,
                () -> FN.recordExpense(cc, "catering", "2027-03-06", 8000_00)).byOperation())
                .isEqualTo(Map.of("Query", 1L, "TransactWriteItems", 1L));
        assertThat(measure("GET /reports/budget?costCentre=", 200, () -> FN.send(BudgetFunction.event("budget-report.json")
                .queryParameter("costCentre", cc))).byOperation())
                .isEqualTo(Map.of("GetItem", 1L, "Query", 1L, "BatchGetItem", 1L));
        assertThat(measure("GET /budgets/{id}", 200, () -> FN.send(BudgetFunction.event("get-budget.json")
                .pathParameter("id", "2027~" + cc + "~catering").path("/budgets/2027~" + cc + "~catering"))).byOperation())
                .isEqualTo(Map.of("Query", 2L));
        assertThat(measure("GET /expenses", 200, () -> FN.send(BudgetFunction.event("list-expenses.json")
                .queryParameter("costCentre", cc))).byOperation()).isEqualTo(Map.of("Query", 1L));
    }

    private static Map<String, Long> measured(String what, Supplier<Map<String, Object>> call) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        Map<String, Object> result = call.get();
        RequestCounter.Usage usage = before.since();
        System.out.println("requests " + what + ": " + usage.byOperation() + ", items read " + usage.itemsRead() + " " + result);
        return usage.byOperation();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> orderEvent(String file, String cc, String order, String eventId) {
        Map<String, Object> e = BudgetFunction.busEvent(file);
        Map<String, Object> detail = (Map<String, Object>) e.get("detail");
        detail.put("orderId", order);
        detail.put("costCentre", cc);
        detail.put("category", "catering");
        detail.put("eventId", eventId);
        return e;
    }

    @Test
    void perEventAndSchedule() {
        String cc = BudgetFunction.code("RE");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("catering", "Catering");
        FN.budget(cc, "catering", 2027, 12_000_00);
        String po = BudgetFunction.code("po");
        assertThat(measured("PurchaseOrderSent", () -> FN.deliver(orderEvent("purchase-order-sent.json", cc, po, po + "-s"))))
                .isEqualTo(Map.of("GetItem", 1L, "Query", 1L, "TransactWriteItems", 1L));
        assertThat(measured("PurchaseOrderReceived", () -> FN.deliver(orderEvent("purchase-order-received.json", cc, po, po + "-r"))))
                .isEqualTo(Map.of("GetItem", 1L, "Query", 1L, "TransactWriteItems", 1L));
        assertThat(measured("PurchaseOrderReceived (again)", () -> FN.deliver(orderEvent("purchase-order-received.json", cc, po, po + "-r"))))
                .isEqualTo(Map.of("GetItem", 1L));
        assertThat(measured("PurchaseOrderCancelled", () -> FN.deliver(orderEvent("purchase-order-cancelled.json", cc, po, po + "-c"))))
                .isEqualTo(Map.of("GetItem", 1L, "Query", 1L, "TransactWriteItems", 1L));
        @SuppressWarnings("unchecked")
        Map<String, Object> crossing = BudgetFunction.busEvent("budget-threshold-crossed.json");
        ((Map<String, Object>) crossing.get("detail")).put("costCentre", cc);
        ((Map<String, Object>) crossing.get("detail")).put("eventId", po + "-x");
        assertThat(measured("BudgetThresholdCrossed", () -> FN.deliver(crossing)))
                .isEqualTo(Map.of("GetItem", 2L, "BatchGetItem", 1L, "Query", 1L, "TransactWriteItems", 1L));
        Map<String, Long> monthly = measured("monthly report", () -> FN.runMonthly("2027-07-01T05:00:00Z"));
        assertThat(monthly).containsEntry("GetItem", 1L).containsEntry("BatchGetItem", 1L).containsEntry("TransactWriteItems", 1L);
        // one Query per cost centre and year, one for the cost centres, one for management in the directory
        long costCentres = FN.send(BudgetFunction.event("list-cost-centres.json").queryParameter("limit", "200")).json().path("items").size();
        assertThat(monthly.get("Query")).isEqualTo(costCentres + 2);
    }

    @Test
    void theReportReadsTheSameWithTenTimesMoreExpenses() {
        String cc = BudgetFunction.code("RC");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        String[] categories = {"catering", "office-supplies", "facilities"};
        for (String c : categories) {
            FN.category(c, c);
            FN.budget(cc, c, 2027, 12_000_00);
        }
        for (int i = 0; i < 6; i++) {
            FN.expense(cc, categories[i % 3], "2027-0" + (1 + i % 3) + "-1" + i, 10_00 + i);
        }
        RequestCounter.Usage few = measure("GET /reports/budget, 6 expenses", 200,
                () -> FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", cc)));
        for (int i = 0; i < 54; i++) {
            FN.expense(cc, categories[i % 3], "2027-0" + (1 + i % 3) + "-2" + (i % 8), 10_00 + i);
        }
        RequestCounter.Usage many = measure("GET /reports/budget, 60 expenses", 200,
                () -> FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", cc)));
        assertThat(many.byOperation()).isEqualTo(few.byOperation());
        assertThat(many.itemsRead()).isEqualTo(few.itemsRead());
        assertThat(many.of("Query")).isEqualTo(1);
        // 3 category-years with their one month each (catering in January, …), the cost centre, 3 category names
        assertThat(many.itemsRead()).isEqualTo(3 * (1 + 1) + 1 + 3);
    }
}
