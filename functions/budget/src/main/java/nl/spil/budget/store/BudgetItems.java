package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.Category;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.CostCentre;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.Generations;
import nl.spil.budget.domain.Months;
import nl.spil.budget.domain.OrderCommitment;
import nl.spil.budget.domain.Phasing;
import nl.spil.budget.domain.Receipt;
import nl.spil.budget.domain.ReceiptType;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The budget table's item layout (docs/architecture.md, BudgetTable): keys and codecs of cost
 * centres, categories, running totals (a category-year item and its month items share one
 * partition per cost centre and year), expenses, budget history, purchase orders and the markers
 * that make events and monthly reports happen once.
 */
final class BudgetItems {

    static final String GSI1 = "gsi1";

    private BudgetItems() {
    }

    // ------------------------------------------------------------------ keys

    static Map<String, AttributeValue> costCentreKey(String code) {
        return Attrs.key("COSTCENTRE#" + code, "COSTCENTRE");
    }

    static Map<String, AttributeValue> categoryKey(String code) {
        return Attrs.key("CATEGORY#" + code, "CATEGORY");
    }

    static String totalsPartition(String costCentre, int year) {
        return "TOTALS#" + costCentre + "#" + year;
    }

    /** The category-year's own sort key; its months follow it ({@code CAT#<category>#M01}…), so one prefix reads both. */
    static String categoryPrefix(String category) {
        return "CAT#" + category + "#";
    }

    static Map<String, AttributeValue> categoryYearKey(BudgetKey key) {
        return Attrs.key(totalsPartition(key.costCentre(), key.year()), categoryPrefix(key.category()));
    }

    static Map<String, AttributeValue> monthKey(BudgetKey key, int month) {
        return Attrs.key(totalsPartition(key.costCentre(), key.year()), categoryPrefix(key.category()) + "M" + twoDigits(month));
    }

    static Map<String, AttributeValue> expenseKey(String id) {
        return Attrs.key("EXPENSE#" + id, "EXPENSE");
    }

    static String historyPartition(String budgetId) {
        return "BUDGET#" + budgetId;
    }

    static Map<String, AttributeValue> orderKey(String orderId) {
        return Attrs.key("ORDER#" + orderId, "ORDER");
    }

    static Map<String, AttributeValue> eventKey(String eventId) {
        return Attrs.key("EVENT#" + eventId, "EVENT");
    }

    static Map<String, AttributeValue> monthlyReportKey(YearMonth month) {
        return Attrs.key("MONTHLY-REPORT#" + month, "MONTHLY-REPORT");
    }

    static String expensesOf(String costCentre, int year) {
        return "EXPENSES#" + costCentre + "#" + year;
    }

    static String budgetsOf(int year) {
        return "BUDGETS#" + year;
    }

    private static String twoDigits(int month) {
        return month < 10 ? "0" + month : Integer.toString(month);
    }

    // ------------------------------------------------------------------ cost centres and categories

    static Map<String, AttributeValue> item(CostCentre c) {
        Map<String, AttributeValue> m = new HashMap<>(costCentreKey(c.code()));
        m.put("kind", s("COSTCENTRE"));
        m.put("gsi1pk", s("COSTCENTRES"));
        m.put("gsi1sk", s(c.code()));
        m.put("code", s(c.code()));
        m.put("name", s(c.name()));
        m.put("ownerId", s(c.ownerId()));
        m.put("version", n(c.version()));
        m.put("createdAt", s(c.createdAt().toString()));
        m.put("updatedAt", s(c.updatedAt().toString()));
        return m;
    }

    static CostCentre costCentre(Map<String, AttributeValue> m) {
        return new CostCentre(Attrs.str(m, "code"), Attrs.str(m, "name"), Attrs.str(m, "ownerId"), Attrs.num(m, "version"),
                Instant.parse(Attrs.str(m, "createdAt")), Instant.parse(Attrs.str(m, "updatedAt")));
    }

    static Map<String, AttributeValue> item(Category c) {
        Map<String, AttributeValue> m = new HashMap<>(categoryKey(c.code()));
        m.put("kind", s("CATEGORY"));
        m.put("gsi1pk", s("CATEGORIES"));
        m.put("gsi1sk", s(c.code()));
        m.put("code", s(c.code()));
        m.put("name", s(c.name()));
        m.put("createdAt", s(c.createdAt().toString()));
        return m;
    }

    static Category category(Map<String, AttributeValue> m) {
        return new Category(Attrs.str(m, "code"), Attrs.str(m, "name"), Instant.parse(Attrs.str(m, "createdAt")));
    }

    // ------------------------------------------------------------------ running totals

    static boolean isCategoryYear(Map<String, AttributeValue> m) {
        return Attrs.str(m, "sk").endsWith("#");
    }

    static Map<String, AttributeValue> item(CategoryYear y) {
        Map<String, AttributeValue> m = new HashMap<>(categoryYearKey(y.key()));
        m.put("kind", s("CATEGORY_YEAR"));
        m.put("costCentre", s(y.costCentre()));
        m.put("category", s(y.category()));
        m.put("year", n(y.year()));
        m.put("committed", n(y.committed()));
        m.put("genWatch", n(y.generations().watch()));
        m.put("genOver", n(y.generations().over()));
        m.put("version", n(y.version() + 1));
        y.budget().ifPresent(b -> {
            m.put("gsi1pk", s(budgetsOf(y.year())));
            m.put("gsi1sk", s(y.costCentre() + "#" + y.category()));
            m.put("budgetMonths", AttributeValue.fromL(b.phasing().months().toList().stream().map(Attrs::n).toList()));
            m.put("budgetVersion", n(b.version()));
            m.put("budgetUpdatedAt", s(b.updatedAt().toString()));
            m.put("budgetUpdatedBy", s(b.updatedBy()));
        });
        return m;
    }

    static Map<String, AttributeValue> monthItem(BudgetKey key, int month, long actual) {
        Map<String, AttributeValue> m = new HashMap<>(monthKey(key, month));
        m.put("kind", s("MONTH"));
        m.put("month", n(month));
        m.put("actual", n(actual));
        return m;
    }

    /** A category-year from its items (the category-year item and its months, in any order); empty when none is stored. */
    static CategoryYear categoryYear(BudgetKey key, List<Map<String, AttributeValue>> items) {
        CategoryYear y = CategoryYear.empty(key.costCentre(), key.category(), key.year());
        Months actual = Months.zero();
        Map<String, AttributeValue> head = null;
        for (Map<String, AttributeValue> m : items) {
            if (isCategoryYear(m)) {
                head = m;
            } else {
                actual = actual.plus((int) Attrs.num(m, "month"), Attrs.num(m, "actual"));
            }
        }
        if (head == null) {
            return y;
        }
        Optional<Budget> budget = Optional.empty();
        if (head.containsKey("budgetMonths")) {
            Phasing phasing = new Phasing(Months.of(head.get("budgetMonths").l().stream().map(v -> Long.parseLong(v.n())).toList()));
            budget = Optional.of(new Budget(key, phasing, Attrs.num(head, "budgetVersion"),
                    Instant.parse(Attrs.str(head, "budgetUpdatedAt")), Attrs.str(head, "budgetUpdatedBy")));
        }
        return new CategoryYear(key.costCentre(), key.category(), key.year(), budget, actual, Attrs.num(head, "committed"),
                new Generations((int) Attrs.num(head, "genWatch"), (int) Attrs.num(head, "genOver")), Attrs.num(head, "version"));
    }

    static BudgetKey keyOf(Map<String, AttributeValue> categoryYearItem) {
        return new BudgetKey(Attrs.str(categoryYearItem, "costCentre"), Attrs.str(categoryYearItem, "category"),
                (int) Attrs.num(categoryYearItem, "year"));
    }

    // ------------------------------------------------------------------ budget history

    static Map<String, AttributeValue> item(BudgetChange c) {
        // by the version each change made: in order, and each version written once
        Map<String, AttributeValue> m = new HashMap<>(Attrs.key(historyPartition(c.budgetId()),
                "CHANGE#" + String.format("%010d", c.version())));
        m.put("kind", s("BUDGET_CHANGE"));
        m.put("changeId", s(c.id()));
        m.put("budgetId", s(c.budgetId()));
        m.put("version", n(c.version()));
        m.put("by", s(c.by()));
        m.put("at", s(c.at().toString()));
        c.before().ifPresent(p -> m.put("before", months(p)));
        m.put("after", months(c.after()));
        return m;
    }

    static BudgetChange change(Map<String, AttributeValue> m) {
        return new BudgetChange(Attrs.str(m, "changeId"), Attrs.str(m, "budgetId"), Attrs.num(m, "version"), Attrs.str(m, "by"),
                Instant.parse(Attrs.str(m, "at")), Optional.ofNullable(m.get("before")).map(BudgetItems::phasing),
                phasing(m.get("after")));
    }

    private static AttributeValue months(Phasing p) {
        return AttributeValue.fromL(p.months().toList().stream().map(Attrs::n).toList());
    }

    private static Phasing phasing(AttributeValue v) {
        return new Phasing(Months.of(v.l().stream().map(x -> Long.parseLong(x.n())).toList()));
    }

    // ------------------------------------------------------------------ expenses

    static Map<String, AttributeValue> item(Expense e) {
        Map<String, AttributeValue> m = new HashMap<>(expenseKey(e.id()));
        m.put("kind", s("EXPENSE"));
        m.put("gsi1pk", s(expensesOf(e.costCentre(), e.year())));
        m.put("gsi1sk", s(e.date() + "#" + e.id()));
        m.put("expenseId", s(e.id()));
        m.put("date", s(e.date().toString()));
        m.put("amountCents", n(e.amountCents()));
        m.put("currency", s("EUR"));
        m.put("supplier", s(e.supplier()));
        m.put("description", s(e.description()));
        m.put("costCentre", s(e.costCentre()));
        m.put("category", s(e.category()));
        m.put("source", s(e.source().name()));
        e.orderId().ifPresent(v -> m.put("orderId", s(v)));
        e.reverses().ifPresent(v -> m.put("reverses", s(v)));
        e.reversedBy().ifPresent(v -> m.put("reversedBy", s(v)));
        e.reason().ifPresent(v -> m.put("reason", s(v)));
        m.put("createdBy", s(e.createdBy()));
        m.put("createdAt", s(e.createdAt().toString()));
        e.receipt().ifPresent(r -> m.putAll(receipt(r)));
        return m;
    }

    static Map<String, AttributeValue> receipt(Receipt r) {
        return Map.of("receiptKey", s(r.key()), "receiptVersion", s(r.versionId()), "receiptType", s(r.type().name()),
                "receiptSize", n(r.size()), "receiptCheckedAt", s(r.checkedAt().toString()));
    }

    static Expense expense(Map<String, AttributeValue> m) {
        Optional<Receipt> receipt = Attrs.optStr(m, "receiptKey").map(key -> new Receipt(key, Attrs.str(m, "receiptVersion"),
                ReceiptType.valueOf(Attrs.str(m, "receiptType")), Attrs.num(m, "receiptSize"),
                Instant.parse(Attrs.str(m, "receiptCheckedAt"))));
        return new Expense(Attrs.str(m, "expenseId"), LocalDate.parse(Attrs.str(m, "date")), Attrs.num(m, "amountCents"),
                Attrs.str(m, "supplier"), Attrs.str(m, "description"), Attrs.str(m, "costCentre"), Attrs.str(m, "category"),
                Expense.Source.valueOf(Attrs.str(m, "source")), Attrs.optStr(m, "orderId"), Attrs.optStr(m, "reverses"),
                Attrs.optStr(m, "reversedBy"), Attrs.optStr(m, "reason"), Attrs.str(m, "createdBy"),
                Instant.parse(Attrs.str(m, "createdAt")), receipt);
    }

    // ------------------------------------------------------------------ purchase orders

    static Map<String, AttributeValue> item(OrderCommitment o) {
        Map<String, AttributeValue> m = new HashMap<>(orderKey(o.orderId()));
        m.put("kind", s("ORDER"));
        m.put("orderId", s(o.orderId()));
        o.place().ifPresent(p -> {
            m.put("costCentre", s(p.costCentre()));
            m.put("category", s(p.category()));
            m.put("year", n(p.year()));
        });
        m.put("sent", AttributeValue.fromBool(o.sent()));
        m.put("amount", n(o.amount()));
        m.put("received", n(o.received()));
        m.put("complete", AttributeValue.fromBool(o.complete()));
        m.put("cancelled", AttributeValue.fromBool(o.cancelled()));
        m.put("receipts", AttributeValue.fromL(o.receipts().stream().map(Attrs::n).toList()));
        m.put("version", n(o.version() + 1));
        return m;
    }

    static OrderCommitment order(Map<String, AttributeValue> m) {
        Optional<BudgetKey> place = Attrs.optStr(m, "costCentre").map(cc -> new BudgetKey(cc, Attrs.str(m, "category"),
                (int) Attrs.num(m, "year")));
        List<Long> receipts = new ArrayList<>();
        m.get("receipts").l().forEach(v -> receipts.add(Long.parseLong(v.n())));
        return new OrderCommitment(Attrs.str(m, "orderId"), place, m.get("sent").bool(), Attrs.num(m, "amount"),
                Attrs.num(m, "received"), m.get("complete").bool(), m.get("cancelled").bool(), receipts, Attrs.num(m, "version"));
    }
}
