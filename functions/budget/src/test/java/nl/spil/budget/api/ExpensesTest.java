package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.spil.platform.metrics.Outcome;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Expenses in euro cents on the running totals; never edited in place but reversed (who and why)
 * and replaced; every bad request a 4xx problem naming the field, with nothing written.
 */
class ExpensesTest {

    private static final BudgetFunction FN = BudgetFunction.get();
    private static String cc;

    @BeforeAll
    static void costCentre() {
        cc = BudgetFunction.code("EX");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("catering", "Catering");
        FN.category("office-supplies", "Office supplies");
        FN.budget(cc, "catering", 2027, 12_000_00);
    }

    @Test
    void anExpenseLandsOnItsMonthAndIsListedByMonthAndCategory() {
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer recorded = FN.send(BudgetFunction.event("record-expense.json").header("idempotency-key", null)
                .body(BudgetFunction.expenseBody(cc, "catering", "2027-03-05", 45_99)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(mark.since()).isEqualTo(Map.of(Outcome.EXPENSE_BOOKED, 1L));
        JsonNode e = recorded.json();
        assertThat(recorded.header("Location")).isEqualTo("/expenses/" + e.path("id").asText());
        assertThat(e.path("amount").path("amountCents").asLong()).isEqualTo(45_99);
        assertThat(e.path("amount").path("currency").asText()).isEqualTo("EUR");
        assertThat(e.path("source").asText()).isEqualTo("manual");
        assertThat(e.path("date").asText()).isEqualTo("2027-03-05");
        FN.expense(cc, "office-supplies", "2027-03-20", 12_50);
        FN.expense(cc, "catering", "2027-04-01", 100_00);

        JsonNode march = FN.figures(cc, "catering", 2027, 3);
        assertThat(march.path("actualToDate").path("amountCents").asLong()).isEqualTo(45_99);
        assertThat(FN.figures(cc, "catering", 2027, 4).path("actualToDate").path("amountCents").asLong()).isEqualTo(145_99);

        HttpAnswer listed = FN.send(BudgetFunction.event("list-expenses.json").queryParameter("costCentre", cc)
                .queryParameter("month", "3"));
        assertThat(listed.json().path("items").findValuesAsText("date")).containsExactly("2027-03-05", "2027-03-20");
        HttpAnswer catering = FN.send(BudgetFunction.event("list-expenses.json").queryParameter("costCentre", cc)
                .queryParameter("month", null).queryParameter("category", "catering"));
        assertThat(catering.json().path("items").findValuesAsText("date")).containsExactly("2027-03-05", "2027-04-01");
        HttpAnswer one = FN.send(BudgetFunction.event("get-expense.json").pathParameter("id", e.path("id").asText())
                .path("/expenses/" + e.path("id").asText()));
        assertThat(one.json().path("supplier").asText()).isEqualTo("Bakkerij de Vries");
    }

    @Test
    void aRetriedRecordWithTheSameKeyRecordsOnce() {
        String body = BudgetFunction.expenseBody(cc, "catering", "2027-02-01", 7_00);
        HttpEvent event = BudgetFunction.event("record-expense.json").header("idempotency-key", "retry-" + cc).body(body);
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        String first = FN.send(event).json().path("id").asText();
        HttpAnswer again = FN.send(event);
        assertThat(again.status()).isEqualTo(201);
        assertThat(mark.since()).as("the retry books nothing").isEqualTo(Map.of(Outcome.EXPENSE_BOOKED, 1L));
        assertThat(again.json().path("id").asText()).isEqualTo(first);
        assertThat(FN.figures(cc, "catering", 2027, 2).path("actualToDate").path("amountCents").asLong()).isEqualTo(7_00);
    }

    @Test
    void aCorrectionReversesWithWhoAndWhyAndBooksTheReplacement() {
        String cc2 = BudgetFunction.code("EX");
        FN.costCentre(cc2, FN.person("Olga Jansen", "nl", "office-manager"));
        String id = FN.expense(cc2, "catering", "2027-03-05", 45_99).path("id").asText();
        HttpAnswer corrected = FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", id)
                .path("/expenses/" + id + "/corrections").header("idempotency-key", "fix-" + id)
                .body("{\"reason\":\"Booked on catering, was office supplies\",\"replacement\":"
                        + BudgetFunction.expenseBody(cc2, "office-supplies", "2027-03-05", 45_99) + "}"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        JsonNode reversal = corrected.json().path("reversal");
        assertThat(reversal.path("amount").path("amountCents").asLong()).isEqualTo(-45_99);
        assertThat(reversal.path("reverses").asText()).isEqualTo(id);
        assertThat(reversal.path("reason").asText()).isEqualTo("Booked on catering, was office supplies");
        assertThat(reversal.path("createdBy").asText()).isEqualTo("9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
        assertThat(reversal.path("source").asText()).isEqualTo("reversal");
        assertThat(corrected.json().path("replacement").path("category").asText()).isEqualTo("office-supplies");

        // the original is untouched but for the mark
        JsonNode original = FN.send(BudgetFunction.event("get-expense.json").pathParameter("id", id).path("/expenses/" + id)).json();
        assertThat(original.path("amount").path("amountCents").asLong()).isEqualTo(45_99);
        assertThat(original.path("reversedBy").asText()).isEqualTo(reversal.path("id").asText());
        assertThat(FN.figures(cc2, "catering", 2027, 3).path("actualToDate").path("amountCents").asLong()).isZero();
        assertThat(FN.figures(cc2, "office-supplies", 2027, 3).path("actualToDate").path("amountCents").asLong()).isEqualTo(45_99);

        // the same request again replays; a second correction is refused
        HttpAnswer replay = FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", id)
                .path("/expenses/" + id + "/corrections").header("idempotency-key", "fix-" + id)
                .body("{\"reason\":\"Booked on catering, was office supplies\",\"replacement\":"
                        + BudgetFunction.expenseBody(cc2, "office-supplies", "2027-03-05", 45_99) + "}"));
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        assertThat(replay.json().path("reversal").path("id").asText()).isEqualTo(reversal.path("id").asText());
        HttpAnswer twice = FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", id)
                .path("/expenses/" + id + "/corrections").header("idempotency-key", null).body("{\"reason\":\"again\"}"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asText()).endsWith("/already-reversed");
        String reversalId = reversal.path("id").asText();
        HttpAnswer ofReversal = FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", reversalId)
                .path("/expenses/" + reversalId + "/corrections").header("idempotency-key", null).body("{\"reason\":\"undo\"}"));
        assertThat(ofReversal.status()).isEqualTo(422);
        assertThat(FN.figures(cc2, "catering", 2027, 3).path("actualToDate").path("amountCents").asLong()).isZero();
    }

    @Test
    void everyBadExpenseIsA4xxNamingTheFieldAndWritesNothing() {
        String good = BudgetFunction.expenseBody(cc, "catering", "2027-03-05", 10_00);
        record Bad(String body, int status, String field) {
        }
        List<Bad> cases = List.of(
                new Bad(good.replace("\"EUR\"", "\"USD\""), 400, "amount.currency"),
                new Bad(good.replace(",\"currency\":\"EUR\"", ""), 400, "amount.currency"),
                new Bad(good.replace("1000", "10.5"), 400, "amount.amountCents"),
                new Bad(good.replace("1000", "0"), 400, "amount.amountCents"),
                new Bad(good.replace("1000", "-1000"), 400, "amount.amountCents"),
                new Bad(good.replace("1000", "100000000001"), 400, "amount.amountCents"),
                new Bad(good.replace("\"amount\":{\"amountCents\":1000,\"currency\":\"EUR\"}", "\"amount\":1000"), 400, "amount"),
                new Bad(good.replace("2027-03-05", "2027-02-30"), 400, "date"),
                new Bad(good.replace("2027-03-05", "9999-03-05"), 400, "date"),
                new Bad(good.replace("Lunch", "Lunch\\r\\nBcc: x@example.org"), 400, "description"),
                new Bad(good.replace("\"catering\"", "\"cat#ering\""), 400, "category"),
                new Bad(good.replace("}", ",\"vat\":21}"), 400, "vat"),
                new Bad(good.replace("\"" + cc + "\"", "\"NOSUCH\""), 422, null),
                new Bad(good.replace("\"catering\"", "\"nosuch\""), 422, null),
                new Bad("[]", 400, "body"),
                new Bad("{", 400, "body"));
        List<Map<String, AttributeValue>> before = FN.everything();
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        for (Bad bad : cases) {
            HttpAnswer answer = FN.send(BudgetFunction.event("record-expense.json").header("idempotency-key", null).body(bad.body()));
            assertThat(answer.status()).as(bad.body() + " → " + answer).isEqualTo(bad.status());
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            if (bad.field() != null) {
                assertThat(answer.problemFields()).as(answer.toString()).contains(bad.field());
            }
        }
        assertThat(FN.everything()).hasSameSizeAs(before).containsExactlyInAnyOrderElementsOf(before);
        assertThat(mark.since()).isEmpty();
    }
}
