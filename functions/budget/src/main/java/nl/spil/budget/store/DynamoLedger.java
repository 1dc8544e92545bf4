package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.app.Ledger;
import nl.spil.budget.app.Posting;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetChange;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.CategoryYear;
import nl.spil.budget.domain.Expense;
import nl.spil.budget.domain.OrderCommitment;
import nl.spil.budget.domain.Receipt;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The books on the budget table (see {@link BudgetItems} for the layout). */
@Singleton
public class DynamoLedger implements Ledger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Outbox outbox;
    private final Clock clock;

    public DynamoLedger(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates, Outbox outbox,
                        Clock clock) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public CategoryYear categoryYear(BudgetKey key) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :c)")
                    .expressionAttributeValues(Map.of(":p", s(BudgetItems.totalsPartition(key.costCentre(), key.year())),
                            ":c", s(BudgetItems.categoryPrefix(key.category()))))
                    .consistentRead(true).exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = next(page);
        } while (start != null);
        return BudgetItems.categoryYear(key, items);
    }

    @Override
    public List<CategoryYear> costCentreYear(String costCentre, int year) {
        Map<String, List<Map<String, AttributeValue>>> byCategory = new LinkedHashMap<>();
        Map<String, BudgetKey> keys = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(BudgetItems.totalsPartition(costCentre, year))))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Attrs.str(item, "sk");
                String prefix = sk.substring(0, sk.indexOf('#', 4) + 1);
                byCategory.computeIfAbsent(prefix, k -> new ArrayList<>()).add(item);
                if (BudgetItems.isCategoryYear(item)) {
                    keys.put(prefix, BudgetItems.keyOf(item));
                }
            }
            start = next(page);
        } while (start != null);
        List<CategoryYear> out = new ArrayList<>();
        byCategory.forEach((prefix, items) -> {
            BudgetKey key = keys.get(prefix);
            if (key != null) {
                out.add(BudgetItems.categoryYear(key, items));
            }
        });
        return out;
    }

    @Override
    public Optional<Expense> expense(String id) {
        return get(BudgetItems.expenseKey(id)).map(BudgetItems::expense);
    }

    @Override
    public Page<Expense> expenses(String costCentre, int year, Optional<Integer> month, Optional<String> category,
                                 PageRequest page) {
        String scope = "expenses:" + costCentre + ":" + year + ":" + month.map(String::valueOf).orElse("") + ":"
                + category.orElse("");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(BudgetItems.expensesOf(costCentre, year)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BudgetItems.GSI1)
                .limit(page.limit()).exclusiveStartKey(cursors.decode(scope, page.cursor()));
        if (month.isPresent()) {
            String yearMonth = YearMonth.of(year, month.get()).toString();
            values.put(":from", s(yearMonth + "-01"));
            values.put(":to", s(yearMonth + "-31#~"));
            query.keyConditionExpression("gsi1pk = :p AND gsi1sk BETWEEN :from AND :to");
        } else {
            query.keyConditionExpression("gsi1pk = :p");
        }
        if (category.isPresent()) {
            values.put(":c", s(category.get()));
            query.filterExpression("category = :c");
        }
        QueryResponse r = dynamo.query(query.expressionAttributeValues(values).build());
        return new Page<>(r.items().stream().map(BudgetItems::expense).toList(), cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public Page<Budget> budgets(int year, Optional<String> costCentre, PageRequest page) {
        String scope = "budgets:" + year + ":" + costCentre.orElse("");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(BudgetItems.budgetsOf(year)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BudgetItems.GSI1)
                .limit(page.limit()).exclusiveStartKey(cursors.decode(scope, page.cursor()));
        if (costCentre.isPresent()) {
            values.put(":cc", s(costCentre.get() + "#"));
            query.keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :cc)");
        } else {
            query.keyConditionExpression("gsi1pk = :p");
        }
        QueryResponse r = dynamo.query(query.expressionAttributeValues(values).build());
        List<Budget> budgets = r.items().stream()
                .map(item -> BudgetItems.categoryYear(BudgetItems.keyOf(item), List.of(item)).budget().orElseThrow())
                .toList();
        return new Page<>(budgets, cursors.encode(scope, r.lastEvaluatedKey()));
    }

    @Override
    public List<BudgetChange> history(BudgetKey key) {
        List<BudgetChange> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(BudgetItems.historyPartition(key.id()))))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(BudgetItems.change(i)));
            start = next(page);
        } while (start != null);
        return out;
    }

    @Override
    public OrderCommitment order(String orderId) {
        return get(BudgetItems.orderKey(orderId)).map(BudgetItems::order).orElseGet(() -> OrderCommitment.unknown(orderId));
    }

    @Override
    public Response post(Posting posting, CreateRequest request, String scope, String createdId, Response answer,
                         Function<String, Optional<Response>> reread) {
        PostingWrites w = PostingWrites.of(table, posting, outbox, clock.instant());
        return creates.create(request, scope, new Plan(w.writes, answer, createdId), c -> w.refusal(c, posting), reread);
    }

    @Override
    public Response refuseUnlessReplay(CreateRequest request, String scope, ProblemException refusal,
                                       Function<String, Optional<Response>> reread) {
        if (request.idempotencyKey() == null) {
            throw refusal;
        }
        // a write that always fails: only the idempotency record's own condition can tell "replay" first
        TransactWriteItem never = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(Attrs.key("NEVER", "NEVER")).conditionExpression("attribute_exists(pk)").build()).build();
        return creates.create(request, scope, new Plan(List.of(never), new Response(500, "", null), "-"), c -> refusal, reread);
    }

    @Override
    public boolean post(Posting posting) {
        PostingWrites w = PostingWrites.of(table, posting, outbox, clock.instant());
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(w.writes).build());
            return true;
        } catch (TransactionCanceledException e) {
            Cancellation c = new Cancellation(e, 0);
            if (w.eventConsumedBefore(c)) {
                return false;
            }
            if (Transactions.onlyConditionsFailed(e)) {
                throw w.refusal(c, posting);
            }
            throw new ConcurrentChange();
        }
    }

    @Override
    public boolean attachReceipt(Expense expense, Receipt receipt) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        BudgetItems.receipt(receipt).forEach((name, value) -> {
            set.append(set.length() > 4 ? ", " : "").append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(BudgetItems.expenseKey(expense.id()))
                    .updateExpression(set.toString())
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(receiptKey)")
                    .expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> next(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }
}
