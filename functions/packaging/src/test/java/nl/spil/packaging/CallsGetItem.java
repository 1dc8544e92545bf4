package nl.spil.packaging;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The "function" packed into the jar SlimJarTest slims: it calls GetItem and nothing else. */
public final class CallsGetItem {

    private CallsGetItem() {
    }

    /** Builds the client and calls GetItem against a closed port: what it throws, by class name. */
    public static String tryGetItem() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            dynamo.getItem(r -> r.tableName("t").key(Map.of("pk", AttributeValue.fromS("x"))));
            return "no exception";
        } catch (Throwable e) {
            return e.getClass().getName();
        }
    }
}
