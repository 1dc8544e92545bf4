package nl.spil.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

class ItemReadsTest {

    /** A table holding items a, b and c, answering a batch in reverse order as DynamoDB may. */
    private final List<BatchGetItemRequest> asked = new ArrayList<>();
    private final DynamoDbClient dynamo = new DynamoDbClient() {
        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            asked.add(request);
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : request.requestItems().get("t").keys()) {
                String id = key.get("pk").s().substring("X#".length());
                if (List.of("a", "b", "c").contains(id)) {
                    found.add(0, Map.of("pk", key.get("pk"), "id", AttributeValue.fromS(id), "name", AttributeValue.fromS(id.toUpperCase())));
                }
            }
            return BatchGetItemResponse.builder().responses(Map.of("t", found)).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void byIdsAnswersWhatExistsEachOnceInTheOrderAsked() {
        List<String> names = ItemReads.byIds(dynamo, "t", List.of("c", "missing", "a", "c", "b"),
                id -> Map.of("pk", AttributeValue.fromS("X#" + id)), item -> item.get("name").s());

        assertThat(names).containsExactly("C", "A", "B");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).requestItems().get("t").keys()).hasSize(4);
        assertThat(asked.get(0).requestItems().get("t").consistentRead()).isTrue();
    }

    @Test
    void byIdsOfNothingAsksNothing() {
        assertThat(ItemReads.byIds(dynamo, "t", List.of(), id -> Map.of(), item -> item)).isEmpty();
        assertThat(asked).isEmpty();
    }
}
