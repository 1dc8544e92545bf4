package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Telling people before the money is gone: an expense that takes a category across 80 % or 100 %
 * raises one BudgetThresholdCrossed event; its consumer e-mails the cost centre's owner, the office
 * managers and management once each, in their language; dropping below and crossing again tells
 * them again.
 */
class AlertsTest {

    private static final BudgetFunction FN = BudgetFunction.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outbox event as the notifier puts it on the bus: its detail with the item id as eventId. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> onTheBus(OutboxItem.Event item) throws Exception {
        Map<String, Object> event = BudgetFunction.busEvent("budget-threshold-crossed.json");
        Map<String, Object> detail = new HashMap<>(JSON.readValue(item.detail(), Map.class));
        detail.put("eventId", item.eventId());
        event.put("source", item.source());
        event.put("detail-type", item.detailType());
        event.put("detail", detail);
        return event;
    }

    private static OutboxItem.Event crossing(String cc, int threshold, int generation) {
        return (OutboxItem.Event) FN.outbox("budget:threshold:" + cc + ":catering:2027:" + threshold + ":" + generation)
                .orElseThrow(() -> new AssertionError("no crossing " + threshold + "/" + generation + " of " + cc));
    }

    private static Optional<OutboxItem.Email> mail(String cc, int threshold, int generation, String personId) {
        return FN.outbox("budget:alert:" + cc + ":catering:2027:" + threshold + ":" + generation + ":" + personId)
                .map(OutboxItem.Email.class::cast);
    }

    @Test
    void theOwnerTheOfficeManagersAndManagementAreToldOncePerCrossing() throws Exception {
        String owner = FN.person("Noor El Amrani", "nl", "staff");
        String manager = FN.person("Olga Jansen", "en", "office-manager");
        String director = FN.person("Max Visser", "en", "management", "staff");
        String colleague = FN.person("Tom Peters", "en", "staff");
        String cc = BudgetFunction.code("AL");
        FN.costCentre(cc, owner);
        FN.category("catering", "Catering");
        FN.budget(cc, "catering", 2027, 12_000_00); // 4,000.00 to date in April

        FN.expense(cc, "catering", "2027-03-01", 3000_00);
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:80:1")).isEmpty();
        String expenseId = FN.expense(cc, "catering", "2027-04-02", 250_00).path("id").asText(); // 81.25 %
        OutboxItem.Event crossing = crossing(cc, 80, 1);
        assertThat(crossing.detail()).contains("\"expenseId\":\"" + expenseId + "\"", "\"threshold\":80");

        Map<String, Object> event = onTheBus(crossing);
        RecordedOutcomes.Mark alerting = TestOutcomes.RECORDED.mark();
        assertThat(FN.deliver(event)).containsEntry("outcome", "ALERTED");
        OutboxItem.Email toOwner = mail(cc, 80, 1, owner).orElseThrow();
        assertThat(toOwner.message().to().address()).endsWith("@example.org");
        assertThat(toOwner.message().content().subject()).isEqualTo("Budget bijna op: Catering (Cost centre " + cc + ") 2027");
        assertThat(toOwner.message().content().text()).contains("Hallo Noor El Amrani", "€ 4.000,00", "€ 3.250,00", "81,25 %", expenseId);
        OutboxItem.Email toManager = mail(cc, 80, 1, manager).orElseThrow();
        assertThat(toManager.message().content().subject()).startsWith("Budget nearly spent: Catering");
        assertThat(toManager.message().content().text()).contains("€4,000.00", "€3,250.00", "81.25 %");
        assertThat(mail(cc, 80, 1, director)).isPresent();
        assertThat(mail(cc, 80, 1, colleague)).isEmpty();

        // delivered again: nothing new
        assertThat(FN.deliver(event)).containsEntry("outcome", "ALREADY_CONSUMED");
        assertThat(alerting.since()).as("one crossing, however often delivered")
                .isEqualTo(Map.of(Outcome.BUDGET_THRESHOLD_CROSSED, 1L));

        // staying above: no new crossing; over 100 %: a crossing of its own
        FN.expense(cc, "catering", "2027-04-03", 100_00);
        assertThat(FN.outbox("budget:threshold:" + cc + ":catering:2027:80:2")).isEmpty();
        String overId = FN.expense(cc, "catering", "2027-04-04", 700_00).path("id").asText(); // 101.25 %
        OutboxItem.Event over = crossing(cc, 100, 1);
        assertThat(over.detail()).contains(overId);
        FN.deliver(onTheBus(over));
        assertThat(mail(cc, 100, 1, manager).orElseThrow().message().content().subject()).startsWith("Over budget: Catering");

        // a reversal takes it back below 80 %; crossing again is told again (generation 2)
        HttpAnswer reversed = FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", overId)
                .path("/expenses/" + overId + "/corrections").header("idempotency-key", null).body("{\"reason\":\"double booked\"}"));
        assertThat(reversed.status()).isEqualTo(201);
        FN.send(BudgetFunction.event("correct-expense.json").pathParameter("id", expenseId)
                .path("/expenses/" + expenseId + "/corrections").header("idempotency-key", null).body("{\"reason\":\"wrong\"}"));
        assertThat(FN.figures(cc, "catering", 2027, 4).path("status").asText()).isEqualTo("ok");
        FN.expense(cc, "catering", "2027-04-05", 300_00);
        FN.deliver(onTheBus(crossing(cc, 80, 2)));
        assertThat(mail(cc, 80, 2, owner)).isPresent();
        assertThat(mail(cc, 80, 2, manager)).isPresent();
    }

    @Test
    void theEventFileIsWhatTheConsumerReads() {
        String cc = "OPS";
        Map<String, Object> event = BudgetFunction.busEvent("budget-threshold-crossed.json");
        Map<String, Object> result = FN.deliver(event);
        assertThat(result).containsEntry("detailType", "BudgetThresholdCrossed").containsEntry("eventId", "01JEVENTCROSSED00000000001");
        assertThat(result.get("outcome")).isIn("ALERTED", "ALREADY_CONSUMED");
        assertThat(FN.deliver(event)).containsEntry("outcome", "ALREADY_CONSUMED");
        List<String> managers = List.of(FN.person("Olga Jansen", "en", "office-manager"));
        assertThat(mail(cc, 80, 1, managers.get(0))).isEmpty(); // not in the directory when it was handled
    }
}
