package nl.spil.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The plain-Java baseline of the cold-start benchmark: what an API function costs with no framework
 * at all. One DynamoDB client built at init (region, credentials and endpoint from the environment,
 * as the SDK reads them), one GetItem per request, a small JSON answer.
 *
 * <p>Shaded alone into {@code bench/target/plain-baseline.jar}; none of the harness goes with it.
 */
public class PlainHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("PERSON#bench"),
            "sk", AttributeValue.fromS("PERSON"));
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final DynamoDbClient dynamo;
    private final String table;

    public PlainHandler() {
        this.dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        this.table = System.getenv("TABLE_NAME");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).key(KEY));
        if (!got.hasItem() || !got.item().containsKey("name")) {
            return answer(404, "{\"message\":\"not found\"}");
        }
        return answer(200, "{\"name\":" + quote(got.item().get("name").s()) + "}");
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String quote(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
