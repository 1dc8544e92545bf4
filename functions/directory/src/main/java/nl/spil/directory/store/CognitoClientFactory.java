package nl.spil.directory.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.spil.platform.dynamo.RequestCounter;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito client, built as the platform builds its DynamoDB client: the JDK's URL connection,
 * region, credentials and endpoint from the SDK's environment, and the request counter (so tests
 * and benchmarks count Cognito calls with the rest).
 */
@Factory
public class CognitoClientFactory {

    @Singleton
    CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new RequestCounter()).build())
                .build();
    }
}
