package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.bookings.app.Feeds;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Calendar feed grants: FEED#<first 128 bits of the token's SHA-256, in hex>. */
@Singleton
public class DynamoFeeds implements Feeds {

    private final DynamoDbClient dynamo;
    private final String table;
    private final IdempotentCreates creates;

    public DynamoFeeds(DynamoDbClient dynamo, Settings settings, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.creates = creates;
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String id) {
        return Attrs.key("FEED#" + id, "FEED");
    }

    @Override
    public Response add(Grant grant, CreateRequest request, Function<Grant, Response> answer,
                        Function<Grant, Response> replayed) {
        var item = new HashMap<>(key(grant.id()));
        item.put("kind", s("FEED"));
        item.put("feedId", s(grant.id()));
        item.put("ownerId", s(grant.ownerId()));
        item.put("feedKind", s(grant.kind().name()));
        item.put("targetId", s(grant.targetId()));
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "calendar-feeds", new Plan(List.of(put), answer.apply(grant), grant.id()),
                cancelled -> ProblemException.conflict("feed-exists", "Feed id in use", "send the request again"),
                id -> byId(id).map(replayed));
    }

    @Override
    public Optional<Grant> byId(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        var item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id)).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Grant(Attrs.str(item, "feedId"), Attrs.str(item, "ownerId"),
                Kind.valueOf(Attrs.str(item, "feedKind")), Attrs.str(item, "targetId")));
    }

    @Override
    public void remove(Grant grant) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(grant.id())).build());
    }
}
