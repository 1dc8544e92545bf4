package nl.spil.platform.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads a secret from Secrets Manager, once, at a function's init (so a SnapStart snapshot holds
 * it and no request waits for it). The client is closed right after: nothing else needs it.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The secret's text, by its ARN or name. */
    public static String read(String secretId) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return client.getSecretValue(r -> r.secretId(secretId)).secretString();
        }
    }
}
