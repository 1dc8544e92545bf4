package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stock's purchase-order events through the consumer's real handler, shaped exactly as
 * docs/architecture.md's contract (events/budget/purchase-order-*.json): a sent order commits, a
 * delivery books the actual and releases that much, a cancel releases the rest; each event counts
 * once, in whatever order and however often it arrives.
 */
class PurchaseOrderEventsTest {

    private static final BudgetFunction FN = BudgetFunction.get();

    /** An event of the file, for this order and cost centre, with this event id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String file, String orderId, String cc, String eventId) {
        Map<String, Object> e = BudgetFunction.busEvent(file);
        Map<String, Object> detail = (Map<String, Object>) e.get("detail");
        detail.put("orderId", orderId);
        detail.put("costCentre", cc);
        detail.put("eventId", eventId);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> received(String orderId, String cc, String eventId, long receipt, long cents, boolean complete) {
        Map<String, Object> e = event("purchase-order-received.json", orderId, cc, eventId);
        Map<String, Object> detail = (Map<String, Object>) e.get("detail");
        detail.put("receiptId", receipt);
        detail.put("amount", Map.of("amountCents", cents, "currency", "EUR"));
        detail.put("complete", complete);
        return e;
    }

    private static long cents(JsonNode figures, String field) {
        return figures.path(field).path("amountCents").asLong();
    }

    private static String costCentre() {
        String cc = BudgetFunction.code("PO");
        FN.costCentre(cc, FN.person("Olga Jansen", "nl", "office-manager"));
        FN.category("office-supplies", "Office supplies");
        FN.budget(cc, "office-supplies", 2027, 12_000_00);
        return cc;
    }

    @Test
    void sentCommitsADeliveryBooksAndReleasesTheRestFollows() {
        String cc = costCentre();
        String po = BudgetFunction.code("po");
        assertThat(FN.deliver(event("purchase-order-sent.json", po, cc, po + "-sent"))).containsEntry("outcome", "BOOKED");
        JsonNode afterSent = FN.figures(cc, "office-supplies", 2027, 3);
        assertThat(cents(afterSent, "committed")).isEqualTo(1000_00);
        assertThat(cents(afterSent, "actualToDate")).isZero();
        assertThat(cents(afterSent, "available")).isEqualTo(12_000_00 - 1000_00);

        assertThat(FN.deliver(received(po, cc, po + "-r3", 3, 300_00, false))).containsEntry("outcome", "BOOKED");
        JsonNode partial = FN.figures(cc, "office-supplies", 2027, 3);
        assertThat(cents(partial, "committed")).isEqualTo(700_00);
        assertThat(cents(partial, "actualToDate")).isEqualTo(300_00);

        assertThat(FN.deliver(received(po, cc, po + "-r4", 4, 700_00, true))).containsEntry("outcome", "BOOKED");
        JsonNode full = FN.figures(cc, "office-supplies", 2027, 3);
        assertThat(cents(full, "committed")).isZero();
        assertThat(cents(full, "actualToDate")).isEqualTo(1000_00);

        HttpAnswer expenses = FN.send(BudgetFunction.event("list-expenses.json").queryParameter("costCentre", cc));
        JsonNode items = expenses.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.findValuesAsText("source")).containsOnly("purchase-order");
        assertThat(items.findValuesAsText("orderId")).containsOnly(po);
        assertThat(items.findValuesAsText("supplier")).containsOnly("01JSUPPLIER000000000000AB");
    }

    @Test
    void outOfOrderAndTwiceItEndsWhereItShould() {
        String cc = costCentre();
        String po = BudgetFunction.code("po");
        Map<String, Object> sent = event("purchase-order-sent.json", po, cc, po + "-sent");
        Map<String, Object> delivery = received(po, cc, po + "-r3", 3, 300_00, false);
        Map<String, Object> cancel = event("purchase-order-cancelled.json", po, cc, po + "-cancel");

        // the delivery arrives before the order was sent: the actual is booked, nothing committed yet
        assertThat(FN.deliver(delivery)).containsEntry("outcome", "BOOKED");
        // delivered again: the order's facts already hold it (its id was consumed with it, too)
        assertThat(FN.deliver(delivery)).containsEntry("outcome", "NOTHING_NEW");
        assertThat(cents(FN.figures(cc, "office-supplies", 2027, 3), "committed")).isZero();
        // then "sent": only what is still outstanding is committed
        assertThat(FN.deliver(sent)).containsEntry("outcome", "BOOKED");
        assertThat(cents(FN.figures(cc, "office-supplies", 2027, 3), "committed")).isEqualTo(700_00);
        // the same delivery under another event id is the same delivery (receipt 3)
        assertThat(FN.deliver(received(po, cc, po + "-r3-again", 3, 300_00, false))).containsEntry("outcome", "NOTHING_NEW");
        assertThat(FN.deliver(sent)).containsEntry("outcome", "NOTHING_NEW");
        // the cancel releases the rest, once
        assertThat(FN.deliver(cancel)).containsEntry("outcome", "BOOKED");
        assertThat(FN.deliver(cancel)).containsEntry("outcome", "NOTHING_NEW");
        JsonNode end = FN.figures(cc, "office-supplies", 2027, 3);
        assertThat(cents(end, "committed")).isZero();
        assertThat(cents(end, "actualToDate")).isEqualTo(300_00);

        // the event id is consumed in the transaction of its effect: an id seen before never books again
        String other = BudgetFunction.code("po");
        assertThat(FN.deliver(received(other, cc, po + "-r3", 9, 50_00, false))).containsEntry("outcome", "ALREADY_CONSUMED");
        assertThat(cents(FN.figures(cc, "office-supplies", 2027, 3), "actualToDate")).isEqualTo(300_00);

        // a cancel that overtakes its order's "sent" leaves nothing committed either
        String po2 = BudgetFunction.code("po");
        FN.deliver(event("purchase-order-cancelled.json", po2, cc, po2 + "-cancel"));
        FN.deliver(event("purchase-order-sent.json", po2, cc, po2 + "-sent"));
        assertThat(cents(FN.figures(cc, "office-supplies", 2027, 3), "committed")).isZero();
    }

    @Test
    void aDeliveryThatCrossesEightyPercentRaisesTheCrossingInTheSameTransaction() {
        String cc = costCentre();
        String po = BudgetFunction.code("po");
        // budget to date in April (the test clock): 4,000.00; 3,100.00 spent by hand
        FN.expense(cc, "office-supplies", "2027-02-10", 3100_00);
        FN.deliver(event("purchase-order-sent.json", po, cc, po + "-sent"));
        FN.deliver(received(po, cc, po + "-r3", 3, 300_00, false));
        OutboxItem crossing = FN.outbox("budget:threshold:" + cc + ":office-supplies:2027:80:1").orElseThrow();
        assertThat(crossing).isInstanceOf(OutboxItem.Event.class);
        OutboxItem.Event event = (OutboxItem.Event) crossing;
        assertThat(event.source()).isEqualTo("nl.spil.budget");
        assertThat(event.detailType()).isEqualTo("BudgetThresholdCrossed");
        assertThat(event.detail()).contains("\"actualToDate\":{\"amountCents\":340000,\"currency\":\"EUR\"}",
                "\"budgetToDate\":{\"amountCents\":400000,\"currency\":\"EUR\"}", "\"asOfMonth\":4");
    }

    @Test
    void anEventThatCannotBeReadIsLoggedAndWritesNothing() {
        List<Map<String, AttributeValue>> before = FN.everything();
        Map<String, Object> noId = BudgetFunction.busEvent("purchase-order-sent.json");
        ((Map<?, ?>) noId.get("detail")).remove("eventId");
        assertThat(FN.deliver(noId)).containsEntry("outcome", "IGNORED");
        Map<String, Object> badAmount = event("purchase-order-sent.json", "po-bad", "OPS", "bad-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) badAmount.get("detail");
        detail.put("amount", "1000.00");
        assertThat(FN.deliver(badAmount)).containsEntry("outcome", "IGNORED");
        Map<String, Object> badCode = event("purchase-order-sent.json", "po-bad", "not a code", "bad-2");
        assertThat(FN.deliver(badCode)).containsEntry("outcome", "IGNORED");
        Map<String, Object> unknown = BudgetFunction.busEvent("purchase-order-sent.json");
        unknown.put("detail-type", "PurchaseOrderLost");
        assertThat(FN.deliver(unknown)).containsEntry("outcome", "IGNORED");
        assertThat(FN.everything()).containsExactlyInAnyOrderElementsOf(before);
    }
}
