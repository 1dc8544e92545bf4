package nl.spil.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
}
