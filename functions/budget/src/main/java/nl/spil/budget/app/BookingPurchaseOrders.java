package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.budget.domain.Bookkeeping;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.OrderCommitment;
import nl.spil.budget.domain.PurchaseOrderCancelled;
import nl.spil.budget.domain.PurchaseOrderReceived;
import nl.spil.budget.domain.PurchaseOrderSent;
import nl.spil.platform.ids.Ids;

/**
 * Stock's purchase orders on the budget: a sent order commits its total, a delivery books what it
 * cost as an actual expense and releases that much, a cancel releases the rest. Each event is
 * consumed exactly once in effect: its id is written in the transaction of its effect (a second
 * delivery of it finds the id and writes nothing), and the order's own facts (sent, deliveries by
 * receipt, cancelled) make a repeated or late event change nothing it should not ({@link OrderCommitment}).
 * Requests per event: 1 GetItem (the order) + 1 Query per category-year touched + 1 TransactWriteItems.
 */
@Singleton
public class BookingPurchaseOrders {

    /** What an event did. */
    public enum Outcome { BOOKED, ALREADY_CONSUMED, NOTHING_NEW }

    private final Ledger ledger;
    private final Organisation organisation;
    private final Ids ids;
    private final Clock clock;

    public BookingPurchaseOrders(Ledger ledger, Organisation organisation, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.organisation = organisation;
        this.ids = ids;
        this.clock = clock;
    }

    public Outcome sent(PurchaseOrderSent event) {
        return Contention.retried(() -> {
            OrderCommitment order = ledger.order(event.orderId());
            return book(event.eventId(), order, order.onSent(event, organisation.zone()), Optional.empty());
        });
    }

    public Outcome received(PurchaseOrderReceived event) {
        return Contention.retried(() -> {
            OrderCommitment order = ledger.order(event.orderId());
            Instant now = clock.instant();
            Expense actual = Expense.received(ids.next(), event.receivedAt().atZone(organisation.zone()).toLocalDate(),
                    event.amount().amountCents(), event.supplierId(), event.orderId(), event.receiptId(), event.costCentre(),
                    event.category(), now);
            return book(event.eventId(), order, order.onReceived(event), Optional.of(actual));
        });
    }

    public Outcome cancelled(PurchaseOrderCancelled event) {
        return Contention.retried(() -> {
            OrderCommitment order = ledger.order(event.orderId());
            return book(event.eventId(), order, order.onCancelled(), Optional.empty());
        });
    }

    private Outcome book(String eventId, OrderCommitment before, OrderCommitment.Effect effect, Optional<Expense> actual) {
        if (!effect.changed()) {
            return Outcome.NOTHING_NEW;
        }
        Map<BudgetKey, Long> commitments = new LinkedHashMap<>();
        effect.after().place().ifPresent(place -> commitments.put(place, effect.committedDelta()));
        List<Expense> expenses = actual.map(List::of).orElse(List.of());
        Map<BudgetKey, CategoryYear> read = new LinkedHashMap<>();
        List<BudgetKey> touched = new ArrayList<>(commitments.keySet());
        expenses.forEach(e -> touched.add(new BudgetKey(e.costCentre(), e.category(), e.year())));
        for (BudgetKey key : touched) {
            read.computeIfAbsent(key, ledger::categoryYear);
        }
        Bookkeeping.Result booked = Bookkeeping.book(read, expenses, commitments, organisation.today(clock), clock.instant());
        Posting posting = new Posting(booked.changes(), expenses, Optional.empty(), Optional.empty(),
                List.copyOf(booked.crossings()), List.of(), List.of(), Optional.of(eventId),
                Optional.of(new Posting.OrderChange(before, effect.after())));
        return ledger.post(posting) ? Outcome.BOOKED : Outcome.ALREADY_CONSUMED;
    }
}
