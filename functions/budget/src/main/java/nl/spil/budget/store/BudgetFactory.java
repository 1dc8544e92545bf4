package nl.spil.budget.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;
import nl.spil.budget.app.Organisation;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The budget function's own beans: the organisation's zone (DEFAULT_SITE_ZONE, the zone of every
 * site that names none) and the S3 client and presigner. Both take region and credentials from the
 * SDK's environment; an endpoint set through the SDK's own AWS_ENDPOINT_URL(_S3) variables (the
 * local AWS, or any S3-compatible store) is addressed path-style, since a bucket name cannot be a
 * host name there.
 */
@Factory
public class BudgetFactory {

    @Singleton
    Organisation organisation(Settings settings) {
        return new Organisation(ZoneId.of(settings.optional("DEFAULT_SITE_ZONE", "Europe/Amsterdam")));
    }

    @Singleton
    S3Client s3(Settings settings) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        endpoint(settings).ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }

    @Singleton
    S3Presigner presigner(Settings settings) {
        var builder = S3Presigner.builder();
        endpoint(settings).ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private static Optional<URI> endpoint(Settings settings) {
        return settings.optional("AWS_ENDPOINT_URL_S3").or(() -> settings.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }
}
