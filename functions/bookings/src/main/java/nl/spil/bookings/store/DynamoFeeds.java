package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.app.Feeds;
import nl.spil.bookings.domain.ChangedMeanwhile;
import nl.spil.bookings.domain.Feed;
import nl.spil.bookings.domain.Refused;
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

/** Calendar feeds on the bookings table ({@link FeedItems}). */
@Singleton
public class DynamoFeeds implements Feeds {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoFeeds(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Response add(Feed feed, CreateRequest request, Function<Feed, Response> answer,
                        Function<Feed, Response> replayed) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(FeedItems.item(feed))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "calendar-feeds", new Plan(List.of(put), answer.apply(feed), feed.id()),
                cancelled -> ProblemException.conflict("feed-exists", "Feed id in use", "send the request again"),
                id -> byId(id).map(replayed));
    }

    @Override
    public Optional<Feed> byId(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(FeedItems.key(id)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FeedItems.feed(item));
    }

    @Override
    public Page<Feed> ofOwner(String ownerId, PageRequest page) {
        String scope = "feeds|" + ownerId;
        QueryResponse result = dynamo.query(byOwner(ownerId).limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor())).build());
        return new Page<>(result.items().stream().map(FeedItems::feed).toList(), cursors.encode(scope, result.lastEvaluatedKey()));
    }

    @Override
    public List<Feed> allOfOwner(String ownerId) {
        List<Feed> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(byOwner(ownerId).exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(FeedItems.feed(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private QueryRequest.Builder byOwner(String ownerId) {
        return QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(FeedItems.OWNER + ownerId))).scanIndexForward(false);
    }

    @Override
    public void renew(Feed current, Feed renewed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(FeedItems.item(renewed))
                    .conditionExpression("expiresAt = :was")
                    .expressionAttributeValues(Map.of(":was", n(current.expiresAt().getEpochSecond()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new Refused(ChangedMeanwhile.since("calendar feed", current.id()));
        }
    }

    @Override
    public void remove(Feed feed) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(FeedItems.key(feed.id())).build());
    }
}
