package nl.spil.mailroom.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner: the JDK's URL connection as for DynamoDB; an endpoint from
 * AWS_ENDPOINT_URL(_S3) when one is set (the local AWS, path-style addressing); checksums only
 * where S3 requires them, so a pre-signed upload carries no checksum of an empty body.
 */
@Factory
public class S3Beans {

    private static Optional<URI> endpoint(Settings settings) {
        return settings.optional("AWS_ENDPOINT_URL_S3").or(() -> settings.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }

    @Singleton
    S3Client s3(Settings settings) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
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
}
