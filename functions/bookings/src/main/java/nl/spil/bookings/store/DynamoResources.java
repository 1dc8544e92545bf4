package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Clock;
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
import nl.spil.bookings.store.CatalogItems.Stamp;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Transactions;
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
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Rooms and desks on the bookings table ({@link ResourceItems}), listed per site by type and name
 * through gsi1. Every add, change and removal moves the site's catalog version
 * ({@link CatalogItems}) in the same transaction; {@link #allOfSite} answers from the sites this
 * function keeps in memory ({@link SitesInMemory}) while that version stands.
 */
@Singleton
public class DynamoResources implements Resources {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Clock clock;
    private final BookingWrites writes;
    private final SitesInMemory inMemory;

    public DynamoResources(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates,
                           Clock clock) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.clock = clock;
        this.writes = new BookingWrites(dynamo, table);
        this.inMemory = new SitesInMemory(clock, SitesInMemory.MAX_HELD);
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

    /** 1 GetItem (the catalog version, consistent); the resources (every page of gsi1) only when it moved. */
    @Override
    public List<Resource> allOfSite(String siteId, ResourceType type) {
        List<Resource> all = inMemory.of(siteId, catalog(siteId), () -> readSite(siteId));
        return type == null ? all : all.stream().filter(r -> r.type() == type).toList();
    }

    private Stamp catalog(String siteId) {
        return CatalogItems.stamp(dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(CatalogItems.key(siteId)).consistentRead(true).build()).item());
    }

    private List<Resource> readSite(String siteId) {
        List<Resource> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query(siteId, null).exclusiveStartKey(start).build());
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
        List<TransactWriteItem> all = List.of(put, CatalogItems.bump(table, resource.siteId(), clock.instant()));
        return creates.create(request, "resources", new Plan(all, answer.apply(resource), resource.id()),
                cancelled -> ProblemException.conflict("resource-exists", "Resource id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Resource current, Resource changed) {
        List<TransactWriteItem> all = new ArrayList<>();
        all.add(writes.put(ResourceItems.item(changed), "version = :v", Map.of(), Map.of(":v", n(current.version()))));
        all.add(CatalogItems.bump(table, changed.siteId(), clock.instant()));
        if (!changed.siteId().equals(current.siteId())) {
            all.add(CatalogItems.bump(table, current.siteId(), clock.instant())); // it leaves that site's catalog
        }
        transactOrChanged(all, current);
    }

    @Override
    public void remove(Resource current) {
        transactOrChanged(List.of(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(ResourceItems.key(current.id())).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n(current.version()))).build()).build(),
                CatalogItems.bump(table, current.siteId(), clock.instant())), current);
    }

    /** The resource's own write comes first: its condition is the only one. */
    private void transactOrChanged(List<TransactWriteItem> all, Resource current) {
        try {
            writes.transact(all);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw new Refused(ChangedMeanwhile.since("resource", current.id()));
            }
            throw e;
        }
    }
}
