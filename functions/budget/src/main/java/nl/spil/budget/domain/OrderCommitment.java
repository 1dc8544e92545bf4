package nl.spil.budget.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the budget knows of one purchase order, from stock's events in whatever order and how
 * often they arrive: whether it was sent and for how much, what was received (per delivery, each
 * counted once), whether a delivery completed it, and whether it was cancelled. The open
 * commitment is derived from these facts, never kept as a running number, so each event's effect
 * is the difference it makes to the derivation:
 *
 * <pre>open = sent and not complete and not cancelled ? max(0, amount − received) : 0</pre>
 *
 * A delivery that arrives before its order's "sent" books its actual and commits nothing; the
 * later "sent" then commits only what is still outstanding. Whatever the order, once every event
 * has arrived the commitment is what the order still has open, and each delivery was booked once.
 *
 * @param place   where the commitment is booked (cost centre, category and the year it was sent
 *                in, in the organisation's zone); known once "sent" arrived
 * @param version 0 while nothing is stored
 */
public record OrderCommitment(String orderId, Optional<BudgetKey> place, boolean sent, long amount, long received,
                              boolean complete, boolean cancelled, List<Long> receipts, long version) {

    public OrderCommitment {
        receipts = List.copyOf(receipts);
    }

    public static OrderCommitment unknown(String orderId) {
        return new OrderCommitment(orderId, Optional.empty(), false, 0, 0, false, false, List.of(), 0);
    }

    public long open() {
        return sent && !complete && !cancelled ? Math.max(0, amount - received) : 0;
    }

    /** An event's effect: the order after it, the change of its open commitment, and whether it changed anything. */
    public record Effect(OrderCommitment after, long committedDelta, boolean changed) {
    }

    public Effect onSent(PurchaseOrderSent event, ZoneId zone) {
        if (sent) {
            return unchanged();
        }
        int year = event.sentAt().atZone(zone).getYear();
        BudgetKey key = new BudgetKey(event.costCentre(), event.category(), year);
        return effect(new OrderCommitment(orderId, Optional.of(key), true, event.amount().amountCents(), received, complete,
                cancelled, receipts, version));
    }

    public Effect onReceived(PurchaseOrderReceived event) {
        if (receipts.contains(event.receiptId())) {
            return unchanged();
        }
        List<Long> more = new ArrayList<>(receipts);
        more.add(event.receiptId());
        return effect(new OrderCommitment(orderId, place, sent, amount, Math.addExact(received, event.amount().amountCents()),
                complete || event.complete(), cancelled, more, version));
    }

    public Effect onCancelled() {
        if (cancelled) {
            return unchanged();
        }
        return effect(new OrderCommitment(orderId, place, sent, amount, received, complete, true, receipts, version));
    }

    private Effect unchanged() {
        return new Effect(this, 0, false);
    }

    private Effect effect(OrderCommitment after) {
        return new Effect(after, after.open() - open(), true);
    }

    /** When the order's month is read: the instant an event happened, in the organisation's zone. */
    public static int monthOf(Instant at, ZoneId zone) {
        return at.atZone(zone).getMonthValue();
    }
}
