package nl.spil.platform.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The directory's name index: every person's name, site and department in {@value #SHARDS}
 * compact items ({@code NAMES} / {@code SHARD#00}…), one attribute per person, so that a name
 * search reads the whole directory in one Query (about 85 bytes a person: 5,000 people are
 * some 430 KB, under Query's 1 MB page up to about 12,000 people; each shard stays far below
 * DynamoDB's 400 KB item limit). A person's shard follows from their id, so a write touches one
 * shard item and needs no read: the directory adds the update to the same transaction as the
 * person's own items (docs/architecture.md, DirectoryTable).
 */
public final class NameIndex {

    public static final String PK = "NAMES";
    public static final int SHARDS = 16;
    public static final int MAX_PEOPLE_PER_WRITE = 100;
    private static final String PERSON_ATTRIBUTE = "@";
    private static final char SEPARATOR = '\u001f'; // never in a name: request text refuses control characters

    private NameIndex() {
    }

    /** One person as the index keeps them. */
    public record Entry(String personId, String name, Optional<String> siteId, Optional<String> costCentre) {
    }

    public static int shardOf(String personId) {
        return Math.floorMod(personId.hashCode(), SHARDS);
    }

    public static Map<String, AttributeValue> shardKey(int shard) {
        return Attrs.key(PK, String.format("SHARD#%02d", shard));
    }

    /** The write that puts (or replaces) one person's entry, for the transaction that writes the person. */
    public static TransactWriteItem put(String table, Entry entry) {
        return writes(table, List.of(entry), List.of()).get(0);
    }

    /** The write that takes one person out, for the transaction that deletes the person. */
    public static TransactWriteItem remove(String table, String personId) {
        return writes(table, List.of(), List.of(personId)).get(0);
    }

    /**
     * The writes that bring the index in step with many people at once (an import): one Update per
     * shard touched (a transaction may touch an item only once), at most {@value #SHARDS}. At most
     * {@value #MAX_PEOPLE_PER_WRITE} people at once, which keeps each update expression far below
     * DynamoDB's 4 KB.
     */
    public static List<TransactWriteItem> writes(String table, Collection<Entry> puts, Collection<String> removedIds) {
        if (puts.size() + removedIds.size() > MAX_PEOPLE_PER_WRITE) {
            throw new IllegalArgumentException("at most " + MAX_PEOPLE_PER_WRITE + " people per name-index write");
        }
        Map<Integer, Map<String, String>> sets = new TreeMap<>();
        Map<Integer, List<String>> removes = new TreeMap<>();
        for (Entry e : puts) {
            sets.computeIfAbsent(shardOf(e.personId()), k -> new TreeMap<>()).put(e.personId(), encode(e));
        }
        for (String id : removedIds) {
            removes.computeIfAbsent(shardOf(id), k -> new ArrayList<>()).add(id);
        }
        List<TransactWriteItem> out = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            Map<String, String> set = sets.getOrDefault(shard, Map.of());
            List<String> remove = removes.getOrDefault(shard, List.of());
            if (set.isEmpty() && remove.isEmpty()) {
                continue;
            }
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder expression = new StringBuilder("SET kind = :kind");
            values.put(":kind", Attrs.s(PK));
            int i = 0;
            for (Map.Entry<String, String> e : set.entrySet()) {
                names.put("#p" + i, PERSON_ATTRIBUTE + e.getKey());
                values.put(":p" + i, Attrs.s(e.getValue()));
                expression.append(", #p").append(i).append(" = :p").append(i);
                i++;
            }
            if (!remove.isEmpty()) {
                expression.append(" REMOVE ");
                for (int r = 0; r < remove.size(); r++) {
                    names.put("#r" + r, PERSON_ATTRIBUTE + remove.get(r));
                    expression.append(r == 0 ? "" : ", ").append("#r").append(r);
                }
            }
            out.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(shardKey(shard))
                    .updateExpression(expression.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        }
        return out;
    }

    /**
     * The whole index as shard items, for a bulk load or a rebuild from the people themselves
     * (a Put of each replaces the shard).
     */
    public static List<Map<String, AttributeValue>> shardItems(Collection<Entry> entries) {
        Map<Integer, Map<String, AttributeValue>> shards = new TreeMap<>();
        for (Entry e : entries) {
            shards.computeIfAbsent(shardOf(e.personId()), shard -> {
                Map<String, AttributeValue> item = new HashMap<>(shardKey(shard));
                item.put("kind", Attrs.s(PK));
                return item;
            }).put(PERSON_ATTRIBUTE + e.personId(), Attrs.s(encode(e)));
        }
        return new ArrayList<>(shards.values());
    }

    /** The entries in one shard item. */
    public static List<Entry> read(Map<String, AttributeValue> shardItem) {
        List<Entry> out = new ArrayList<>(shardItem.size());
        shardItem.forEach((name, value) -> {
            if (name.startsWith(PERSON_ATTRIBUTE) && value.s() != null) {
                out.add(decode(name.substring(PERSON_ATTRIBUTE.length()), value.s()));
            }
        });
        return out;
    }

    static String encode(Entry e) {
        return e.name().replace(SEPARATOR, ' ') + SEPARATOR + e.siteId().orElse("") + SEPARATOR + e.costCentre().orElse("");
    }

    static Entry decode(String personId, String value) {
        int a = value.indexOf(SEPARATOR);
        int b = value.indexOf(SEPARATOR, a + 1);
        if (a < 0 || b < 0) {
            return new Entry(personId, value, Optional.empty(), Optional.empty());
        }
        String site = value.substring(a + 1, b);
        String costCentre = value.substring(b + 1);
        return new Entry(personId, value.substring(0, a), site.isEmpty() ? Optional.empty() : Optional.of(site),
                costCentre.isEmpty() ? Optional.empty() : Optional.of(costCentre));
    }
}
