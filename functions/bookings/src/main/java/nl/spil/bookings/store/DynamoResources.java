package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.app.Resources;
import nl.spil.bookings.domain.ChangedMeanwhile;
import nl.spil.bookings.domain.Refused;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Rooms and desks on the bookings table ({@link ResourceItems}), listed per site by type and name through gsi1. */
@Singleton
public class DynamoResources implements Resources {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoResources(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Optional<Resource> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(ResourceItems.key(id)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResourceItems.resource(item));
    }

    @Override
    public Page<Resource> ofSite(String siteId, ResourceType type, PageRequest page) {
        // the cursor is bound to both filters: a page of one site or type is no start for another
        String scope = "resources|" + siteId + "|" + (type == null ? "*" : type.code());
        QueryResponse result = dynamo.query(query(siteId, type).limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor())).build());
        return new Page<>(result.items().stream().map(ResourceItems::resource).toList(),
                cursors.encode(scope, result.lastEvaluatedKey()));
    }

    @Override
    public List<Resource> allOfSite(String siteId, ResourceType type) {
        List<Resource> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query(siteId, type).exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(ResourceItems.resource(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private QueryRequest.Builder query(String siteId, ResourceType type) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("gsi1");
        if (type == null) {
            return q.keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s(ResourceItems.siteKey(siteId))));
        }
        return q.keyConditionExpression("gsi1pk = :p AND begins_with(gsi1sk, :t)")
                .expressionAttributeValues(Map.of(":p", s(ResourceItems.siteKey(siteId)), ":t", s(type.code() + "#")));
    }

    @Override
    public Response add(Resource resource, CreateRequest request, Function<Resource, Response> answer) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(ResourceItems.item(resource))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "resources", new Plan(List.of(put), answer.apply(resource), resource.id()),
                cancelled -> ProblemException.conflict("resource-exists", "Resource id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Resource current, Resource changed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(ResourceItems.item(changed))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new Refused(ChangedMeanwhile.since("resource", current.id()));
        }
    }

    @Override
    public void remove(Resource current) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(ResourceItems.key(current.id()))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new Refused(ChangedMeanwhile.since("resource", current.id()));
        }
    }
}
