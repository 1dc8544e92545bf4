package nl.spil.platform.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The two reads by key every store makes of its table, both strongly consistent (a store reads
 * to decide a write): one item (1 GetItem) and many items (1 BatchGetItem per 100 keys, asked
 * again for what DynamoDB left unprocessed).
 */
public final class ItemReads {

    private static final int KEYS_PER_REQUEST = 100;

    private ItemReads() {
    }

    /** The item under {@code key}, if there is one. */
    public static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table,
                                                            Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The objects with these ids that exist, each once, in the order asked: the items under
     * {@code key(id)} (1 BatchGetItem per 100 ids), matched back by their {@code id} attribute and
     * made by {@code read}.
     */
    public static <T> List<T> byIds(DynamoDbClient dynamo, String table, List<String> ids,
                                    Function<String, Map<String, AttributeValue>> key,
                                    Function<Map<String, AttributeValue>, T> read) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, T> found = new HashMap<>();
        batchGet(dynamo, table, distinct.stream().map(key).toList(), null, null)
                .forEach(item -> found.put(Attrs.str(item, "id"), read.apply(item)));
        return distinct.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * The items that exist among {@code keys}, in no particular order; with {@code projection}
     * (null for all attributes) and its attribute {@code names} (null for none).
     */
    public static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table,
                                                             List<Map<String, AttributeValue>> keys, String projection,
                                                             Map<String, String> names) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_REQUEST) {
            KeysAndAttributes.Builder ask = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_REQUEST))).consistentRead(true);
            if (projection != null) {
                ask.projectionExpression(projection).expressionAttributeNames(names);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, ask.build());
            while (request != null && !request.isEmpty()) {
                var result = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                out.addAll(result.responses().getOrDefault(table, List.of()));
                request = result.hasUnprocessedKeys() && !result.unprocessedKeys().isEmpty() ? result.unprocessedKeys() : null;
            }
        }
        return out;
    }
}
