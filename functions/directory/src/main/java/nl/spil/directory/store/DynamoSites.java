package nl.spil.directory.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.directory.app.Sites;
import nl.spil.directory.domain.Site;
import nl.spil.directory.domain.WorkingHours;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Sites on the directory table: SITE#id, listed by name through gsi1 (SITES). */
@Singleton
public class DynamoSites implements Sites {

    private static final String SITES = "SITES";
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
        return Attrs.key("SITE#" + id, "SITE");
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
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(SITES)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode("sites", page.cursor()))
                .build());
        return new Page<>(result.items().stream().map(DynamoSites::site).toList(),
                cursors.encode("sites", result.lastEvaluatedKey()));
    }

    @Override
    public Set<String> unknown(Set<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(DynamoSites::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("pk").consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                BatchGetItemResponse got = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                got.responses().getOrDefault(table, List.of())
                        .forEach(item -> missing.remove(Attrs.str(item, "pk").substring("SITE#".length())));
                request = got.hasUnprocessedKeys() ? got.unprocessedKeys() : null;
            }
        }
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
                    .expressionAttributeValues(Map.of(":v", n(current.version()))).build());
        } catch (ConditionalCheckFailedException e) {
            throw ProblemException.stale("site " + current.id() + " was changed meanwhile; reload it");
        }
    }

    private static Map<String, AttributeValue> item(Site site) {
        Map<String, AttributeValue> item = new HashMap<>(key(site.id()));
        item.put("kind", s("SITE"));
        item.put("gsi1pk", s(SITES));
        item.put("gsi1sk", s(site.name().toLowerCase(Locale.ROOT) + "#" + site.id()));
        item.put("siteId", s(site.id()));
        item.put("name", s(site.name()));
        item.put("zone", s(site.zone().getId()));
        item.put("opens", s(site.hours().opens().toString()));
        item.put("closes", s(site.hours().closes().toString()));
        item.put("days", Attrs.ss(site.hours().days().stream().sorted().map(DayOfWeek::name).toList()));
        item.put("version", n(site.version()));
        item.put("createdAt", s(site.createdAt().toString()));
        item.put("updatedAt", s(site.updatedAt().toString()));
        return item;
    }

    static Site site(Map<String, AttributeValue> item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Attrs.strList(item, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new Site(Attrs.str(item, "siteId"), Attrs.str(item, "name"), ZoneId.of(Attrs.str(item, "zone")),
                new WorkingHours(LocalTime.parse(Attrs.str(item, "opens")), LocalTime.parse(Attrs.str(item, "closes")), days),
                Attrs.num(item, "version"), Instant.parse(Attrs.str(item, "createdAt")),
                Instant.parse(Attrs.str(item, "updatedAt")));
    }
}
