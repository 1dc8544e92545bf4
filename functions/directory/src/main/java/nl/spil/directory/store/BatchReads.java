package nl.spil.directory.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reads many items by key: one BatchGetItem per 100 keys, again for what DynamoDB left unprocessed. */
final class BatchReads {

    private static final int KEYS_PER_REQUEST = 100;

    private BatchReads() {
    }

    /** The items that exist among {@code keys}, with only the attribute {@code projection}. */
    static List<Map<String, AttributeValue>> existing(DynamoDbClient dynamo, String table,
                                                      List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_REQUEST) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_REQUEST)))
                    .projectionExpression(projection).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                BatchGetItemResponse got = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                found.addAll(got.responses().getOrDefault(table, List.of()));
                request = got.hasUnprocessedKeys() ? got.unprocessedKeys() : null;
            }
        }
        return found;
    }
}
