package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.budget.app.CostCentres;
import nl.spil.budget.domain.CostCentre;
import nl.spil.platform.config.Settings;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Cost centres on the budget table: COSTCENTRE#code, listed by code through gsi1 (COSTCENTRES). */
@Singleton
public class DynamoCostCentres implements CostCentres {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoCostCentres(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Optional<CostCentre> byCode(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(BudgetItems.costCentreKey(code)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BudgetItems.costCentre(item));
    }

    @Override
    public List<CostCentre> all() {
        List<CostCentre> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = query(start, null);
            page.items().forEach(i -> out.add(BudgetItems.costCentre(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Page<CostCentre> page(PageRequest page) {
        QueryResponse r = query(cursors.decode("cost-centres", page.cursor()), page.limit());
        return new Page<>(r.items().stream().map(BudgetItems::costCentre).toList(), cursors.encode("cost-centres", r.lastEvaluatedKey()));
    }

    private QueryResponse query(Map<String, AttributeValue> start, Integer limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(BudgetItems.GSI1)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("COSTCENTRES")))
                .limit(limit).exclusiveStartKey(start).build());
    }

    @Override
    public Response create(CostCentre costCentre, CreateRequest request, Response answer,
                           Function<String, Optional<Response>> reread) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(BudgetItems.item(costCentre))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "cost-centres", new Plan(List.of(put), answer, costCentre.code()),
                c -> ProblemException.conflict("cost-centre-exists", "Cost centre exists",
                        "cost centre " + costCentre.code() + " exists already"), reread);
    }

    @Override
    public void update(CostCentre current, CostCentre changed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(BudgetItems.item(changed))
                    .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChange();
        }
    }
}
