package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.budget.app.Posting;
import nl.spil.budget.domain.CategoryYearChange;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Months;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A {@link Posting} as the writes of one TransactWriteItems, each remembered with what it stands
 * for, so a cancelled transaction is read back as the refusal it means: a cost centre or category
 * that does not exist (422), an event consumed before (nothing to do), or anything else that
 * changed since it was read (read and decide again).
 */
final class PostingWrites {

    /** How long a consumed event's id is remembered; the order's own facts guard beyond that. */
    static final Duration EVENT_MEMORY = Duration.ofDays(400);

    enum Part { TOTALS, MONTH, EXPENSE, REVERSED, COST_CENTRE, CATEGORY, EVENT, ORDER, HISTORY, OUTBOX }

    final List<TransactWriteItem> writes = new ArrayList<>();
    final List<Part> parts = new ArrayList<>();

    private PostingWrites() {
    }

    static PostingWrites of(String table, Posting p, Outbox outbox, Instant now) {
        PostingWrites w = new PostingWrites();
        for (CategoryYearChange change : p.totals()) {
            w.add(Part.TOTALS, put(table, BudgetItems.item(change.after()), change.before().version()));
            Months before = change.before().actual();
            Months after = change.after().actual();
            for (int month = 1; month <= Months.COUNT; month++) {
                if (before.get(month) != after.get(month)) {
                    w.add(Part.MONTH, TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(BudgetItems.monthItem(change.after().key(), month, after.get(month))).build()).build());
                }
            }
        }
        for (Expense e : p.expenses()) {
            w.add(Part.EXPENSE, TransactWriteItem.builder().put(Put.builder().tableName(table).item(BudgetItems.item(e))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        p.reversed().ifPresent(original -> w.add(Part.REVERSED, TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(BudgetItems.expenseKey(original.id()))
                .updateExpression("SET reversedBy = :r")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(reversedBy) AND attribute_not_exists(reverses)")
                .expressionAttributeValues(Map.of(":r", s(original.reversedBy().orElseThrow()))).build()).build()));
        p.costCentresThatMustExist().forEach(code -> w.add(Part.COST_CENTRE, exists(table, BudgetItems.costCentreKey(code))));
        p.categoriesThatMustExist().forEach(code -> w.add(Part.CATEGORY, exists(table, BudgetItems.categoryKey(code))));
        p.consumesEvent().ifPresent(eventId -> {
            Map<String, AttributeValue> item = new HashMap<>(BudgetItems.eventKey(eventId));
            item.put("kind", s("EVENT"));
            item.put("consumedAt", s(now.toString()));
            item.put("expiresAt", n(now.plus(EVENT_MEMORY).getEpochSecond()));
            w.add(Part.EVENT, TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        });
        p.order().ifPresent(o -> w.add(Part.ORDER, put(table, BudgetItems.item(o.after()), o.before().version())));
        p.budgetChange().ifPresent(c -> w.add(Part.HISTORY, TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(BudgetItems.item(c)).conditionExpression("attribute_not_exists(pk)").build()).build()));
        for (DomainEvent event : p.events()) {
            w.add(Part.OUTBOX, outbox.event(event));
        }
        if (w.writes.size() > 100) {
            throw new IllegalStateException("a posting of " + w.writes.size() + " writes does not fit one transaction");
        }
        return w;
    }

    /** A put under the version read: absent when it was read as absent (version 0). */
    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, long readVersion) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (readVersion == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(readVersion)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static TransactWriteItem exists(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    private void add(Part part, TransactWriteItem write) {
        writes.add(write);
        parts.add(part);
    }

    /** True when the cancellation says the consumed event was consumed before. */
    boolean eventConsumedBefore(Cancellation c) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == Part.EVENT && c.conditionFailed(i)) {
                return true;
            }
        }
        return false;
    }

    /** What a cancellation (conditions only) means to the person who asked. */
    ProblemException refusal(Cancellation c, Posting p) {
        int costCentres = 0;
        int categories = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part == Part.COST_CENTRE) {
                String code = p.costCentresThatMustExist().get(costCentres++);
                if (c.conditionFailed(i)) {
                    return ProblemException.unprocessable("unknown-cost-centre", "Unknown cost centre",
                            "cost centre " + code + " does not exist; create it first");
                }
            } else if (part == Part.CATEGORY) {
                String code = p.categoriesThatMustExist().get(categories++);
                if (c.conditionFailed(i)) {
                    return ProblemException.unprocessable("unknown-category", "Unknown category",
                            "category " + code + " does not exist; create it first");
                }
            }
        }
        return new ConcurrentChange();
    }
}
