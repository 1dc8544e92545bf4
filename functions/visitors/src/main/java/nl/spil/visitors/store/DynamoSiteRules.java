package nl.spil.visitors.store;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.ItemReads;
import nl.spil.visitors.app.SiteRules;
import nl.spil.visitors.app.Statistics;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.DayCounts;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visitor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A site's settings and versioned house rules, the block list with its markers, and the day
 * counters, in the VisitorsTable. A marker ({@code BLOCKMARK#N#<folded name>} or
 * {@code BLOCKMARK#E#<e-mail>}) holds the ids of the entries that name it, so a check-in can
 * refuse a named visitor with one ConditionCheck instead of a read.
 */
@Singleton
public class DynamoSiteRules implements SiteRules, Statistics {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSiteRules(DynamoDbClient dynamo, Settings settings) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
    }

    @Override
    public SiteSettings settings(String siteId) {
        return SiteItems.settings(siteId, get(SiteItems.settingsKey(siteId)));
    }

    @Override
    public boolean saveSettings(SiteSettings before, SiteSettings after) {
        return conditionalPut(SiteItems.settingsItem(after), before.version() == 0 ? "attribute_not_exists(pk) OR version = :v"
                : "version = :v", Map.of(":v", Attrs.n(before.version())));
    }

    @Override
    public HouseRules houseRules(String siteId) {
        return SiteItems.rules(siteId, get(SiteItems.rulesKey(siteId)));
    }

    @Override
    public Optional<HouseRules> houseRules(String siteId, int version) {
        Map<String, AttributeValue> item = get(SiteItems.rulesVersionKey(siteId, version));
        return item.isEmpty() ? Optional.empty() : Optional.of(SiteItems.rules(siteId, item));
    }

    @Override
    public boolean saveHouseRules(HouseRules before, HouseRules next) {
        String condition = before.exists() ? "version = :v" : "attribute_not_exists(pk)";
        Map<String, AttributeValue> values = before.exists() ? Map.of(":v", Attrs.n(before.version())) : null;
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(SiteItems.rulesItem(next, SiteItems.rulesKey(next.siteId())))
                            .conditionExpression(condition).expressionAttributeValues(values).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(SiteItems.rulesItem(next, SiteItems.rulesVersionKey(next.siteId(), next.version())))
                            .conditionExpression("attribute_not_exists(pk)").build()).build()).build());
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public Context forRegistration(String siteId, List<Visitor> visitors) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(SiteItems.settingsKey(siteId));
        keys.add(SiteItems.rulesKey(siteId));
        keys.addAll(SiteItems.markerKeys(visitors));
        SiteSettings settings = SiteSettings.defaults(siteId);
        HouseRules rules = HouseRules.none(siteId);
        Set<String> entryIds = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : ItemReads.batchGet(dynamo, table, keys, null, null)) {
            String sk = Attrs.str(item, "sk");
            if (sk.equals("SETTINGS")) {
                settings = SiteItems.settings(siteId, item);
            } else if (sk.equals("RULES")) {
                rules = SiteItems.rules(siteId, item);
            } else if (item.containsKey("entries")) {
                entryIds.addAll(item.get("entries").ss());
            }
        }
        return new Context(settings, rules, entries(entryIds));
    }

    @Override
    public List<BlockEntry> blockCandidates(List<Visitor> visitors) {
        Set<String> entryIds = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : ItemReads.batchGet(dynamo, table, SiteItems.markerKeys(visitors), null, null)) {
            if (item.containsKey("entries")) {
                entryIds.addAll(item.get("entries").ss());
            }
        }
        return entries(entryIds);
    }

    private List<BlockEntry> entries(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ItemReads.batchGet(dynamo, table, ids.stream().map(SiteItems::blockKey).toList(), null, null).stream()
                .map(SiteItems::block).toList();
    }

    @Override
    public List<BlockEntry> blockList() {
        List<BlockEntry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).indexName(VisitItems.BY_DAY)
                    .keyConditionExpression("gsi2pk = :p").expressionAttributeValues(Map.of(":p", Attrs.s(SiteItems.BLOCK_LIST)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(SiteItems.block(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Optional<BlockEntry> blockEntry(String id) {
        Map<String, AttributeValue> item = get(SiteItems.blockKey(id));
        return item.isEmpty() ? Optional.empty() : Optional.of(SiteItems.block(item));
    }

    @Override
    public void addToBlockList(BlockEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(SiteItems.blockItem(entry))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        for (Map<String, AttributeValue> marker : SiteItems.markerKeys(entry)) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(marker)
                    .updateExpression("ADD entries :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(entry.id())))).build()).build());
        }
        dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    }

    @Override
    public void removeFromBlockList(BlockEntry entry) {
        for (Map<String, AttributeValue> marker : SiteItems.markerKeys(entry)) {
            var left = dynamo.updateItem(b -> b.tableName(table).key(marker).updateExpression("DELETE entries :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(entry.id()))))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            if (left == null || !left.containsKey("entries")) {
                try { // the marker names a person: it goes with its last entry
                    dynamo.deleteItem(b -> b.tableName(table).key(marker).conditionExpression("attribute_not_exists(entries)"));
                } catch (ConditionalCheckFailedException added) {
                    // another entry named it meanwhile
                }
            }
        }
        dynamo.deleteItem(b -> b.tableName(table).key(SiteItems.blockKey(entry.id())));
    }

    @Override
    public List<BlockEntry> blockEntriesEndedBefore(LocalDate day) {
        return blockList().stream().filter(e -> e.until().isBefore(day)).toList();
    }

    @Override
    public List<DayCounts> days(String siteId, LocalDate from, LocalDate to) {
        List<DayCounts> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":p", Attrs.s("STATS#" + siteId), ":from", Attrs.s("DAY#" + from),
                            ":to", Attrs.s("DAY#" + to)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(StatsItems.fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeValues(new HashMap<>(values)).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
