package nl.spil.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.events.EventJson;
import nl.spil.platform.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The three purchase-order events exactly as docs/architecture.md promises them to budget: names,
 * fields, amounts as Money, instants with seconds, dedupe keys.
 */
class PurchaseOrderEventsTest {

    private static final Instant DRAFTED = Instant.parse("2027-03-01T09:00:00Z");
    private static final Instant SENT = Instant.parse("2027-03-01T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2027-03-04T14:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PurchaseOrder sent = PurchaseOrder.draft("PO1", "S1", "SUP1", new CostAllocation("CC-100", "office-supplies"),
            List.of(new OrderLine("I1", "PEN", "Pen", 95, 0, 125), new OrderLine("I2", "PAPER", "Paper", 28, 0, 400)),
            DRAFTED).sent(SENT);

    @Test
    void sentCommitsTheOrdersTotal() throws Exception {
        PurchaseOrderSent event = PurchaseOrderSent.of(sent);
        assertThat(event.source()).isEqualTo("nl.spil.stock");
        assertThat(event.detailType()).isEqualTo("PurchaseOrderSent");
        assertThat(event.dedupeKey()).isEqualTo("stock:po-sent:PO1");
        JsonNode detail = JSON.readTree(EventJson.write(event));
        assertThat(fieldNames(detail)).containsExactly("orderId", "siteId", "supplierId", "costCentre", "category",
                "amount", "sentAt");
        assertThat(detail.path("amount").toString()).isEqualTo("{\"amountCents\":23075,\"currency\":\"EUR\"}");
        assertThat(detail.path("sentAt").asText()).isEqualTo("2027-03-01T10:00:00Z");
        assertThat(detail.path("costCentre").asText()).isEqualTo("CC-100");
    }

    @Test
    void eachDeliveryIsItsOwnReceiptWithItsAmount() throws Exception {
        PurchaseOrder part = sent.receiving(Map.of("I1", 60L), RECEIVED);
        PurchaseOrderReceived first = PurchaseOrderReceived.of(part, Map.of("I1", 60L));
        assertThat(first.dedupeKey()).isEqualTo("stock:po-received:PO1:3");
        JsonNode detail = JSON.readTree(EventJson.write(first));
        assertThat(fieldNames(detail)).containsExactly("orderId", "siteId", "supplierId", "costCentre", "category",
                "receiptId", "receivedAt", "amount", "lines", "complete");
        assertThat(detail.path("receiptId").asLong()).isEqualTo(3);
        assertThat(detail.path("receivedAt").asText()).isEqualTo("2027-03-04T14:30:00Z");
        assertThat(detail.path("amount").path("amountCents").asLong()).isEqualTo(60 * 125);
        assertThat(detail.path("complete").asBoolean()).isFalse();
        assertThat(detail.path("lines").get(0).toString()).isEqualTo("{\"itemId\":\"I1\",\"sku\":\"PEN\",\"quantity\":60,"
                + "\"unitPrice\":{\"amountCents\":125,\"currency\":\"EUR\"},\"amount\":{\"amountCents\":7500,\"currency\":\"EUR\"}}");

        Map<String, Long> rest = part.delivery(Map.of());
        PurchaseOrderReceived last = PurchaseOrderReceived.of(part.receiving(rest, RECEIVED), rest);
        assertThat(last.receiptId()).isEqualTo(4);
        assertThat(last.amount()).isEqualTo(Money.eur(35 * 125 + 28 * 400));
        assertThat(last.complete()).isTrue();
        assertThat(first.amount().plus(last.amount())).isEqualTo(PurchaseOrderSent.of(sent).amount());
    }

    @Test
    void cancellingReleasesWhatWasStillOutstandingAndADraftTellsNothing() throws Exception {
        PurchaseOrder part = sent.receiving(Map.of("I1", 60L), RECEIVED);
        PurchaseOrderCancelled event = PurchaseOrderCancelled.of(part, part.cancelled(RECEIVED.plusSeconds(60))).orElseThrow();
        assertThat(event.dedupeKey()).isEqualTo("stock:po-cancelled:PO1");
        JsonNode detail = JSON.readTree(EventJson.write(event));
        assertThat(fieldNames(detail)).containsExactly("orderId", "siteId", "costCentre", "category", "cancelledAt",
                "released");
        assertThat(detail.path("released").path("amountCents").asLong()).isEqualTo(35 * 125 + 28 * 400);
        assertThat(detail.path("cancelledAt").asText()).isEqualTo("2027-03-04T14:31:00Z");

        PurchaseOrder draft = PurchaseOrder.draft("PO2", "S1", "SUP1", new CostAllocation("CC-100", "office-supplies"),
                List.of(new OrderLine("I1", "PEN", "Pen", 1, 0, 125)), DRAFTED);
        assertThat(PurchaseOrderCancelled.of(draft, draft.cancelled(SENT))).isEmpty();
    }

    @Test
    void aConsumerReadsTheEventIntoItsOwnRecord() {
        record Receipt(String orderId, String costCentre, long receiptId, Money amount, boolean complete) {
        }
        PurchaseOrder part = sent.receiving(Map.of("I2", 28L), RECEIVED);
        Receipt read = EventJson.read(EventJson.write(PurchaseOrderReceived.of(part, Map.of("I2", 28L))), Receipt.class);
        assertThat(read).isEqualTo(new Receipt("PO1", "CC-100", 3, Money.eur(28 * 400), false));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
