package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every bad request to the budget's creates and changes is a 4xx problem+json naming what is
 * wrong, and writes nothing (expenses: ExpensesTest).
 */
class BadInputTest {

    private static final BudgetFunction FN = BudgetFunction.get();

    @Test
    void badBudgetsCostCentresCategoriesCorrectionsAndReceiptsChangeNothing() {
        String owner = FN.person("Olga Jansen", "nl", "office-manager");
        String cc = BudgetFunction.code("BI");
        FN.costCentre(cc, owner);
        FN.category("catering", "Catering");
        FN.budget(cc, "catering", 2027, 1200_00);
        String expense = FN.expense(cc, "catering", "2027-03-05", 10_00).path("id").asText();
        String budgetId = "2027~" + cc + "~catering";
        String twelve = "[" + (BudgetFunction.money(100_00) + ",").repeat(11) + BudgetFunction.money(100_00) + "]";

        record Bad(HttpEvent event, int status, String field) {
        }
        List<Bad> cases = List.of(
                new Bad(BudgetFunction.event("create-budget.json").body("{\"year\":2027,\"costCentre\":\"" + cc + "\",\"category\":\"office\","
                        + "\"amount\":{\"amountCents\":100,\"currency\":\"eur\"}}"), 400, "amount.currency"),
                new Bad(BudgetFunction.event("create-budget.json").body("{\"year\":1999,\"costCentre\":\"" + cc + "\",\"category\":\"office\","
                        + "\"amount\":" + BudgetFunction.money(100) + "}"), 400, "year"),
                new Bad(BudgetFunction.event("create-budget.json").body("{\"year\":2027,\"costCentre\":\"" + cc + "\",\"category\":\"office\","
                        + "\"amount\":" + BudgetFunction.money(-1) + "}"), 400, "amount.amountCents"),
                new Bad(BudgetFunction.event("create-budget.json").body("{\"year\":2027,\"costCentre\":\"" + cc + "\",\"category\":\"office\","
                        + "\"amount\":" + BudgetFunction.money(1200_01) + ",\"months\":" + twelve + "}"), 422, null),
                new Bad(BudgetFunction.event("create-budget.json").body("{\"year\":2027,\"costCentre\":\"" + cc + "\",\"category\":\"catering\","
                        + "\"amount\":" + BudgetFunction.money(1) + "}"), 409, null),
                new Bad(BudgetFunction.event("change-budget.json").pathParameter("id", budgetId).path("/budgets/" + budgetId)
                        .body("{\"amount\":" + BudgetFunction.money(1200_00) + ",\"months\":" + twelve.replace("10000", "20000")
                                + ",\"version\":1}"), 422, null),
                new Bad(BudgetFunction.event("change-budget.json").pathParameter("id", budgetId).path("/budgets/" + budgetId)
                        .body("{\"amount\":" + BudgetFunction.money(1200_00) + ",\"version\":7}"), 412, null),
                new Bad(BudgetFunction.event("change-budget.json").pathParameter("id", budgetId).path("/budgets/" + budgetId)
                        .body("{\"amount\":" + BudgetFunction.money(1200_00) + "}"), 400, "version"),
                new Bad(BudgetFunction.event("create-cost-centre.json").header("idempotency-key", null)
                        .body("{\"code\":\"a b\",\"name\":\"x\",\"ownerId\":\"" + owner + "\"}"), 400, "code"),
                new Bad(BudgetFunction.event("create-cost-centre.json").header("idempotency-key", null)
                        .body("{\"code\":\"" + cc + "\",\"name\":\"x\",\"ownerId\":\"" + owner + "\"}"), 409, null),
                new Bad(BudgetFunction.event("create-category.json").header("idempotency-key", null)
                        .body("{\"code\":\"~x\",\"name\":\"x\"}"), 400, "code"),
                new Bad(BudgetFunction.event("create-category.json").header("idempotency-key", null)
                        .body("{\"code\":\"x\",\"name\":\"line\\nbreak\"}"), 400, "name"),
                new Bad(BudgetFunction.event("correct-expense.json").header("idempotency-key", null).pathParameter("id", expense)
                        .path("/expenses/" + expense + "/corrections").body("{\"reason\":\"\"}"), 400, "reason"),
                new Bad(BudgetFunction.event("correct-expense.json").header("idempotency-key", null).pathParameter("id", expense)
                        .path("/expenses/" + expense + "/corrections").body("{\"reason\":\"x\",\"replacement\":"
                                + BudgetFunction.expenseBody(cc, "catering", "2027-03-05", 10_00).replace("EUR", "GBP") + "}"),
                        400, "replacement.amount.currency"),
                new Bad(BudgetFunction.event("correct-expense.json").header("idempotency-key", null).pathParameter("id", expense)
                        .path("/expenses/" + expense + "/corrections").body("{\"reason\":\"x\",\"replacement\":"
                                + BudgetFunction.expenseBody("NOSUCH", "catering", "2027-03-05", 10_00) + "}"), 422, null),
                new Bad(BudgetFunction.event("request-receipt-upload.json").pathParameter("id", expense).path("/expenses/" + expense + "/receipt")
                        .body("{\"contentType\":\"text/html\",\"size\":10}"), 400, "contentType"));
        List<Map<String, AttributeValue>> before = FN.everything();
        for (Bad bad : cases) {
            HttpAnswer answer = FN.send(bad.event());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(bad.status());
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            if (bad.field() != null) {
                assertThat(answer.problemFields()).as(answer.toString()).contains(bad.field());
            }
        }
        assertThat(FN.everything()).containsExactlyInAnyOrderElementsOf(before);
    }
}
