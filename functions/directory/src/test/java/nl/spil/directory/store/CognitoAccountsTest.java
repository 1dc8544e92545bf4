package nl.spil.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import nl.spil.platform.config.Settings;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** An identity provider out of reach is a 503 the client may retry, never a 500. */
class CognitoAccountsTest {

    @Test
    void anUnreachableIdentityProviderIsA503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CognitoIdentityProviderClient unreachable = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        CognitoAccounts accounts = new CognitoAccounts(unreachable, new Settings(Map.of("USER_POOL_ID", "eu-west-1_x")::get));

        Throwable thrown = catchThrowable(() -> accounts.open("anna@example.org"));

        assertThat(thrown).isInstanceOf(ProblemException.class);
        ProblemException refused = (ProblemException) thrown;
        assertThat(refused.problem().status()).isEqualTo(503);
        assertThat(refused.problem().detail()).doesNotContain("anna");
    }
}
