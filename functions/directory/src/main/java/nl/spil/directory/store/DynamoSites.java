package nl.spil.directory.store;

import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.directory.app.Sites;
import nl.spil.directory.domain.Site;
import nl.spil.directory.domain.WorkingHours;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.DirectoryLayout.SiteEntry;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.ItemReads;
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
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Sites on the directory table: SITE#id, listed by name through gsi1 (SITES). */
@Singleton
public class DynamoSites implements Sites {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoSites(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    static Map<String, AttributeValue> key(String id) {
        return DirectoryLayout.siteKey(id);
    }

    @Override
    public Optional<Site> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(site(item));
    }

    @Override
    public Page<Site> list(PageRequest page) {
        QueryResponse result = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(DirectoryLayout.INDEX)
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(DirectoryLayout.SITES)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode("sites", page.cursor()))
                .build());
        return new Page<>(result.items().stream().map(DynamoSites::site).toList(),
                cursors.encode("sites", result.lastEvaluatedKey()));
    }

    @Override
    public Set<String> unknown(Set<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        ItemReads.batchGet(dynamo, table, ids.stream().map(DynamoSites::key).toList(), "siteId", null)
                .forEach(item -> missing.remove(Attrs.str(item, "siteId")));
        return missing;
    }

    @Override
    public Response add(Site site, CreateRequest request, Function<Site, Response> answer) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(site))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return creates.create(request, "sites", new Plan(List.of(put), answer.apply(site), site.id()),
                // A fresh sortable id cannot collide; should it ever, the client may simply retry.
                cancelled -> ProblemException.conflict("site-exists", "Site id in use", "send the request again"),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Site current, Site changed) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(changed))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", Attrs.n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw ProblemException.stale("site " + current.id() + " was changed meanwhile; reload it");
        }
    }

    private static Map<String, AttributeValue> item(Site site) {
        return DirectoryLayout.siteItem(new SiteEntry(site.id(), site.name(), site.zone(), site.hours().opens(),
                site.hours().closes(), site.hours().days(), site.costCentre(), site.version(), site.createdAt(),
                site.updatedAt()));
    }

    static Site site(Map<String, AttributeValue> item) {
        SiteEntry e = DirectoryLayout.site(item);
        return new Site(e.siteId(), e.name(), e.zone(), new WorkingHours(e.opens(), e.closes(), e.days()),
                e.costCentre(), e.version(), e.createdAt(), e.updatedAt());
    }
}
