package nl.spil.platform.dynamo;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one way Spil builds a DynamoDB client: the JDK's URL connection (the lightest client for
 * a cold start), region, credentials and endpoint from the SDK's own environment
 * (AWS_ENDPOINT_URL points it at the local AWS), and the request counter.
 */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new RequestCounter())
                        .build())
                .build();
    }
}
