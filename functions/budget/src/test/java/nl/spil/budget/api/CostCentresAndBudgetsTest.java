package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/** Cost centres with a directory owner, categories, and budgets with monthly phasing and history. */
class CostCentresAndBudgetsTest {

    private static final BudgetFunction FN = BudgetFunction.get();

    private static String months(long... cents) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < cents.length; i++) {
            s.append(i == 0 ? "" : ",").append(BudgetFunction.money(cents[i]));
        }
        return s.append("]").toString();
    }

    @Test
    void aCostCentreIsOwnedByADirectoryPersonAndChangedUnderItsVersion() {
        String owner = FN.person("Olga Jansen", "nl", "office-manager");
        String code = BudgetFunction.code("CC");
        HttpAnswer created = FN.send(BudgetFunction.event("create-cost-centre.json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Operations\",\"ownerId\":\"" + owner + "\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/cost-centres/" + code);
        assertThat(created.json().path("ownerId").asText()).isEqualTo(owner);

        // the same Idempotency-Key and body: the first answer; the code again without a key: 409
        HttpAnswer replay = FN.send(BudgetFunction.event("create-cost-centre.json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Operations\",\"ownerId\":\"" + owner + "\"}"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(FN.createCostCentre(code, "Again", owner).status()).isEqualTo(409);
        HttpAnswer nobody = FN.createCostCentre(BudgetFunction.code("CC"), "Nobody's", "01JNOBODY00000000000000000");
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().path("type").asText()).endsWith("/unknown-person");

        HttpAnswer renamed = FN.send(BudgetFunction.event("update-cost-centre.json").pathParameter("code", code)
                .path("/cost-centres/" + code).body("{\"name\":\"Operations & facilities\",\"ownerId\":\"" + owner + "\",\"version\":1}"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("version").asLong()).isEqualTo(2);
        HttpAnswer stale = FN.send(BudgetFunction.event("update-cost-centre.json").pathParameter("code", code)
                .path("/cost-centres/" + code).body("{\"name\":\"Ops\",\"ownerId\":\"" + owner + "\",\"version\":1}"));
        assertThat(stale.status()).isEqualTo(412);

        HttpAnswer got = FN.send(BudgetFunction.event("get-cost-centre.json").pathParameter("code", code).path("/cost-centres/" + code));
        assertThat(got.json().path("name").asText()).isEqualTo("Operations & facilities");
        HttpAnswer listed = FN.send(BudgetFunction.event("list-cost-centres.json").queryParameter("limit", "200"));
        assertThat(listed.json().path("items").findValuesAsText("code")).contains(code);
    }

    @Test
    void categoriesAreListedByCode() {
        String code = BudgetFunction.code("cat");
        HttpAnswer created = FN.send(BudgetFunction.event("create-category.json").header("idempotency-key", code)
                .body("{\"code\":\"" + code + "\",\"name\":\"Koffie & thee\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(FN.send(BudgetFunction.event("create-category.json").header("idempotency-key", null)
                .body("{\"code\":\"" + code + "\",\"name\":\"Again\"}")).status()).isEqualTo(409);
        HttpAnswer listed = FN.send(BudgetFunction.event("list-categories.json").queryParameter("limit", "200"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("items").findValuesAsText("code")).contains(code);
    }

    @Test
    void aBudgetIsSpreadEvenlyOrPhasedAndTheMonthsMustAddUp() {
        String owner = FN.person("Max Visser", "en", "management");
        String cc = BudgetFunction.code("CC");
        FN.costCentre(cc, owner);
        FN.category("catering", "Catering");
        FN.category("office-supplies", "Office supplies");

        HttpAnswer even = FN.setBudget(cc, "catering", 2027, 1000_00, null);
        assertThat(even.status()).as(even.toString()).isEqualTo(201);
        JsonNode budget = even.json();
        assertThat(budget.path("id").asText()).isEqualTo("2027~" + cc + "~catering");
        assertThat(budget.path("amount").path("amountCents").asLong()).isEqualTo(1000_00);
        assertThat(budget.path("months").findValues("amountCents").stream().map(JsonNode::asLong).toList())
                .containsExactly(8334L, 8334L, 8334L, 8334L, 8333L, 8333L, 8333L, 8333L, 8333L, 8333L, 8333L, 8333L);
        assertThat(FN.setBudget(cc, "catering", 2027, 1000_00, null).status()).isEqualTo(409);

        long[] phased = new long[12];
        phased[5] = 400_00;
        phased[11] = 600_00;
        HttpAnswer mismatch = FN.setBudget(cc, "office-supplies", 2027, 1000_01, months(phased));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.isProblem()).isTrue();
        assertThat(mismatch.json().path("type").asText()).endsWith("/phasing-mismatch");
        HttpAnswer eleven = FN.setBudget(cc, "office-supplies", 2027, 0, months(new long[11]));
        assertThat(eleven.status()).isEqualTo(400);
        assertThat(eleven.problemFields()).contains("months");
        HttpAnswer dollars = FN.send(BudgetFunction.event("create-budget.json").header("idempotency-key", null)
                .body("{\"year\":2027,\"costCentre\":\"" + cc + "\",\"category\":\"office-supplies\","
                        + "\"amount\":{\"amountCents\":100000,\"currency\":\"USD\"}}"));
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.problemFields()).containsExactly("amount.currency");
        assertThat(FN.setBudget(cc, "no-such-category", 2027, 100, null).json().path("type").asText()).endsWith("/unknown-category");
        assertThat(FN.setBudget("NOSUCH", "catering", 2027, 100, null).json().path("type").asText()).endsWith("/unknown-cost-centre");

        HttpAnswer phasedBudget = FN.setBudget(cc, "office-supplies", 2027, 1000_00, months(phased));
        assertThat(phasedBudget.status()).isEqualTo(201);
        JsonNode report = FN.figures(cc, "office-supplies", 2027, 6);
        assertThat(report.path("budgetToDate").path("amountCents").asLong()).isEqualTo(400_00);
        assertThat(FN.figures(cc, "office-supplies", 2027, 5).path("budgetToDate").path("amountCents").asLong()).isZero();
    }

    @Test
    void changingABudgetKeepsItsHistoryWhoWhenBeforeAndAfter() {
        String owner = FN.person("Olga Jansen", "nl", "office-manager");
        String cc = BudgetFunction.code("CC");
        FN.costCentre(cc, owner);
        FN.category("catering", "Catering");
        FN.budget(cc, "catering", 2027, 1200_00);
        String id = "2027~" + cc + "~catering";
        long[] twice = new long[12];
        java.util.Arrays.fill(twice, 200_00);
        HttpAnswer changed = FN.send(BudgetFunction.event("change-budget.json").pathParameter("id", id).path("/budgets/" + id)
                .body("{\"amount\":" + BudgetFunction.money(2400_00) + ",\"months\":" + months(twice) + ",\"version\":1}"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);
        HttpAnswer stale = FN.send(BudgetFunction.event("change-budget.json").pathParameter("id", id).path("/budgets/" + id)
                .body("{\"amount\":" + BudgetFunction.money(100) + ",\"version\":1}"));
        assertThat(stale.status()).isEqualTo(412);

        JsonNode got = FN.send(BudgetFunction.event("get-budget.json").pathParameter("id", id).path("/budgets/" + id)).json();
        JsonNode history = got.path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).has("before")).isFalse();
        assertThat(history.get(0).path("after").path("amount").path("amountCents").asLong()).isEqualTo(1200_00);
        assertThat(history.get(1).path("before").path("amount").path("amountCents").asLong()).isEqualTo(1200_00);
        assertThat(history.get(1).path("after").path("amount").path("amountCents").asLong()).isEqualTo(2400_00);
        assertThat(history.get(1).path("version").asLong()).isEqualTo(2);
        assertThat(history.get(1).path("by").asText()).isEqualTo("9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
        assertThat(history.get(1).path("at").asText()).isNotBlank();

        HttpAnswer listed = FN.send(BudgetFunction.event("list-budgets.json").queryParameter("costCentre", cc));
        assertThat(listed.json().path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(FN.send(BudgetFunction.event("get-budget.json").pathParameter("id", "2027~" + cc + "~none")
                .path("/budgets/2027~" + cc + "~none")).status()).isEqualTo(404);
    }

    @Test
    void aReplayedBudgetCreateAnswersTheFirstAnswerNotAConflict() {
        String cc = BudgetFunction.code("CC");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("catering", "Catering");
        String body = "{\"year\":2028,\"costCentre\":\"" + cc + "\",\"category\":\"catering\",\"amount\":" + BudgetFunction.money(600_00) + "}";
        List<HttpAnswer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(FN.send(BudgetFunction.event("create-budget.json").header("idempotency-key", "budget-" + cc).body(body)));
        }
        assertThat(answers).extracting(HttpAnswer::status).containsExactly(201, 201, 201);
        assertThat(answers.get(2).json().path("id").asText()).isEqualTo(answers.get(0).json().path("id").asText());
        assertThat(FN.send(BudgetFunction.event("create-budget.json").header("idempotency-key", "budget-" + cc)
                .body(body.replace("60000", "60001"))).status()).isEqualTo(422);
    }
}
