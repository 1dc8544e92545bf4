package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.spil.platform.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A purchase order's commitment from stock's events in every order they can arrive, and twice:
 * each delivery is booked once, and once all have arrived the commitment is what is really open.
 */
class OrderCommitmentTest {

    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final Instant SENT = Instant.parse("2026-12-31T23:30:00Z"); // 2027 in Amsterdam

    private static final Object SENT_1000 = new PurchaseOrderSent("e1", "po", "s", "sup", "OPS", "supplies", Money.eur(1000_00), SENT);
    private static final Object PART_300 = received("e2", 2, 300_00, false);
    private static final Object REST_700 = received("e3", 3, 700_00, true);
    private static final Object CANCEL = new PurchaseOrderCancelled("e4", "po", "s", "OPS", "supplies", SENT, Money.eur(700_00));

    private static PurchaseOrderReceived received(String eventId, long receipt, long cents, boolean complete) {
        return new PurchaseOrderReceived(eventId, "po", "s", "sup", "OPS", "supplies", receipt, SENT, Money.eur(cents), complete);
    }

    /** The order after the events, with the commitment changes and the actuals booked along the way. */
    private record Run(OrderCommitment order, long committed, long actual, List<Long> openAfterEach) {
    }

    private static Run run(List<Object> events) {
        OrderCommitment order = OrderCommitment.unknown("po");
        long committed = 0;
        long actual = 0;
        List<Long> open = new ArrayList<>();
        for (Object e : events) {
            OrderCommitment.Effect effect;
            if (e instanceof PurchaseOrderSent s) {
                effect = order.onSent(s, AMS);
            } else if (e instanceof PurchaseOrderReceived r) {
                effect = order.onReceived(r);
                if (effect.changed()) {
                    actual += r.amount().amountCents();
                }
            } else {
                effect = order.onCancelled();
            }
            order = effect.after();
            committed += effect.committedDelta();
            assertThat(committed).as("commitment after " + e).isEqualTo(order.open()).isNotNegative();
            open.add(committed);
        }
        return new Run(order, committed, actual, open);
    }

    private static List<List<Object>> permutations(List<Object> events) {
        if (events.size() <= 1) {
            return List.of(events);
        }
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<Object> rest = new ArrayList<>(events);
            Object first = rest.remove(i);
            for (List<Object> tail : permutations(rest)) {
                List<Object> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void inOrderSentCommitsAndDeliveriesReleaseWhatTheyBook() {
        Run run = run(List.of(SENT_1000, PART_300, REST_700));
        assertThat(run.openAfterEach()).containsExactly(1000_00L, 700_00L, 0L);
        assertThat(run.actual()).isEqualTo(1000_00);
        assertThat(run.order().place()).contains(new BudgetKey("OPS", "supplies", 2027));
    }

    @Test
    void everyOrderOfArrivalAndEveryDuplicateEndsTheSame() {
        for (List<Object> order : permutations(List.of(SENT_1000, PART_300, REST_700))) {
            List<Object> twice = new ArrayList<>(order);
            twice.addAll(order);               // a redelivery of everything
            twice.add(1, order.get(0));         // and one right away
            for (List<Object> events : List.of(order, twice)) {
                Run run = run(events);
                assertThat(run.committed()).as(events.toString()).isZero();
                assertThat(run.actual()).as(events.toString()).isEqualTo(1000_00);
            }
        }
    }

    @Test
    void aCancelReleasesTheRestWhateverTheOrderOfArrival() {
        for (List<Object> order : permutations(List.of(SENT_1000, PART_300, CANCEL))) {
            Run run = run(order);
            assertThat(run.committed()).as(order.toString()).isZero();
            assertThat(run.actual()).as(order.toString()).isEqualTo(300_00);
            assertThat(run.order().cancelled()).isTrue();
        }
        // a partial delivery that arrives before its order was sent commits only what is left
        Run early = run(List.of(PART_300, SENT_1000));
        assertThat(early.committed()).isEqualTo(700_00);
    }

    @Test
    void aSecondReceiptWithTheSameIdIsTheSameDeliveryUnderAnotherEventId() {
        Run run = run(List.of(SENT_1000, PART_300, received("e9", 2, 300_00, false)));
        assertThat(run.actual()).isEqualTo(300_00);
        assertThat(run.committed()).isEqualTo(700_00);
        assertThat(run.order().receipts()).containsExactly(2L);
    }
}
