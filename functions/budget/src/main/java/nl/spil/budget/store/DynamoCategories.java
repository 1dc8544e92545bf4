package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.app.Categories;
import nl.spil.budget.domain.Category;
import nl.spil.platform.config.Settings;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Categories on the budget table: CATEGORY#code, listed by code through gsi1 (CATEGORIES). */
@Singleton
public class DynamoCategories implements Categories {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoCategories(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Page<Category> page(PageRequest page) {
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName(BudgetItems.GSI1)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("CATEGORIES")))
                .limit(page.limit()).exclusiveStartKey(cursors.decode("categories", page.cursor())).build());
        return new Page<>(r.items().stream().map(BudgetItems::category).toList(), cursors.encode("categories", r.lastEvaluatedKey()));
    }

    @Override
    public Map<String, Category> byCodes(Collection<String> codes) {
        Map<String, Category> out = new LinkedHashMap<>();
        List<String> all = codes.stream().distinct().toList();
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(BudgetItems::categoryKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                BatchGetItemResponse r = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                r.responses().getOrDefault(table, List.of()).forEach(i -> {
                    Category c = BudgetItems.category(i);
                    out.put(c.code(), c);
                });
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    @Override
    public Response create(Category category, CreateRequest request, Response answer, Function<String, Optional<Response>> reread) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(BudgetItems.item(category))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "categories", new Plan(new ArrayList<>(List.of(put)), answer, category.code()),
                c -> ProblemException.conflict("category-exists", "Category exists", "category " + category.code() + " exists already"),
                reread);
    }
}
