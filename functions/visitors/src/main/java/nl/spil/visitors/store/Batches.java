package nl.spil.visitors.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** BatchGetItem of up to 100 keys of one table, consistent, unprocessed keys asked again. */
final class Batches {

    private Batches() {
    }

    static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                                                 String projection, Map<String, String> names) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            KeysAndAttributes.Builder ask = KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                    .consistentRead(true);
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
