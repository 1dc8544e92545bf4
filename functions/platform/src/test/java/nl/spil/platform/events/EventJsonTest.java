package nl.spil.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.money.Money;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    enum Kind { PARTIAL, FULL }

    record Line(String itemId, long quantity, Money amount) {
    }

    record Received(String orderId, Kind kind, Instant at, LocalDate day, Money total, List<Line> lines,
                    Optional<String> costCentre, boolean last) implements DomainEvent {
        @Override
        public String source() {
            return "nl.spil.test";
        }

        @Override
        public String detailType() {
            return "Received";
        }

        @Override
        public String dedupeKey() {
            return "test:received:" + orderId;
        }
    }

    /** A consumer's own record: fewer fields, in another order. */
    record WhatBudgetReads(Money total, String orderId, Optional<String> costCentre) {
    }

    private static final Received EVENT = new Received("PO1", Kind.FULL, Instant.parse("2027-01-05T09:00:00Z"),
            LocalDate.of(2027, 1, 5), Money.eur(12_50), List.of(new Line("I1", 5, Money.eur(250))), Optional.empty(), true);

    @Test
    void writesComponentsInOrderWithMoneyInCentsAndInstantsWithSeconds() {
        assertThat(EventJson.write(EVENT)).isEqualTo("{\"orderId\":\"PO1\",\"kind\":\"FULL\",\"at\":\"2027-01-05T09:00:00Z\","
                + "\"day\":\"2027-01-05\",\"total\":{\"amountCents\":1250,\"currency\":\"EUR\"},"
                + "\"lines\":[{\"itemId\":\"I1\",\"quantity\":5,\"amount\":{\"amountCents\":250,\"currency\":\"EUR\"}}],"
                + "\"last\":true}");
    }

    @Test
    void readsBackIntoTheProducersRecordAndIntoAConsumersSmallerOne() {
        assertThat(EventJson.read(EventJson.write(EVENT), Received.class)).isEqualTo(EVENT);
        assertThat(EventJson.read(EventJson.write(EVENT), WhatBudgetReads.class))
                .isEqualTo(new WhatBudgetReads(Money.eur(1250), "PO1", Optional.empty()));
    }

    @Test
    void refusesWhatAnEventCannotBe() {
        assertThatThrownBy(() -> EventJson.read("{\"total\":{\"amountCents\":1.5,\"currency\":\"EUR\"},\"orderId\":\"x\"}",
                WhatBudgetReads.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cents");
        assertThatThrownBy(() -> EventJson.read("{\"orderId\":\"x\"}", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total is missing");
        assertThatThrownBy(() -> EventJson.read("{\"orderId\":5,\"total\":{\"amountCents\":1,\"currency\":\"EUR\"}}",
                WhatBudgetReads.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderId");
    }

    /** An EventBridge event as the Lambda runtime hands it to a handler: parsed, numbers as it found them. */
    private static Map<String, Object> delivered(String detailType, Object detail) {
        Map<String, Object> event = new HashMap<>();
        event.put("source", "nl.spil.test");
        event.put("detail-type", detailType);
        event.put("detail", detail);
        return event;
    }

    private static Map<String, Object> total(Object cents) {
        return Map.of("amountCents", cents, "currency", "EUR");
    }

    @Test
    void readsTheDetailOfAnEventBridgeEventWhateverKindOfWholeNumberTheRuntimeMadeOfIt() {
        Map<String, Object> detail = Map.of("orderId", "PO1", "total", total(1250), "eventId", "e-1");
        assertThat(EventJson.fromEventBridge(delivered("Received", detail), "Received", WhatBudgetReads.class))
                .isEqualTo(new WhatBudgetReads(Money.eur(1250), "PO1", Optional.empty()));
        Map<String, Object> withLong = Map.of("orderId", "PO1", "total", total(1250L), "costCentre", "OPS");
        assertThat(EventJson.fromEventBridge(delivered("Received", withLong), "Received", WhatBudgetReads.class))
                .isEqualTo(new WhatBudgetReads(Money.eur(1250), "PO1", Optional.of("OPS")));
        Map<String, Object> whole = Map.of("orderId", "PO1", "kind", "FULL", "at", "2027-01-05T09:00:00Z", "day", "2027-01-05",
                "total", total(1250), "lines", List.of(Map.of("itemId", "I1", "quantity", 5, "amount", total(250))), "last", true);
        assertThat(EventJson.fromEventBridge(delivered("Received", whole), "Received", Received.class)).isEqualTo(EVENT);
    }

    @Test
    void refusesAnEventOfAnotherDetailTypeOrNoneAtAll() {
        Map<String, Object> detail = Map.of("orderId", "PO1", "total", total(1250));
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Cancelled", detail), "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected a Received event, not Cancelled");
        Map<String, Object> untyped = delivered("Received", detail);
        untyped.remove("detail-type");
        assertThatThrownBy(() -> EventJson.fromEventBridge(untyped, "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected a Received event, not null");
        assertThatThrownBy(() -> EventJson.fromEventBridge(null, "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected a Received event, not null");
    }

    @Test
    void refusesAnEventWithoutADetailObject() {
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", null), "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the Received event has no detail object");
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", "PO1"), "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the Received event has no detail object");
    }

    @Test
    void refusesADetailThatDoesNotReadIntoTheConsumersRecord() {
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", Map.of("orderId", "PO1")), "Received",
                WhatBudgetReads.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total is missing");
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", Map.of("orderId", 5, "total", total(1))),
                "Received", WhatBudgetReads.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderId has the wrong type");
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", Map.of("orderId", "PO1", "total",
                total(new BigDecimal("12.50")))), "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cents");
        assertThatThrownBy(() -> EventJson.fromEventBridge(delivered("Received", Map.of("orderId", "PO1", "total",
                total(12.5d))), "Received", WhatBudgetReads.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cents");
    }
}
