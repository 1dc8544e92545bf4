package nl.spil.platform.files;

import java.net.URI;
import java.util.Optional;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner of the functions that keep files (mailroom photos, budget receipts
 * and reports): the JDK's URL connection as for DynamoDB; region and credentials from the SDK's
 * environment; an endpoint from AWS_ENDPOINT_URL(_S3) when one is set (the local AWS, or any
 * S3-compatible store) addressed path-style, since a bucket name cannot be a host name there;
 * checksums only where S3 requires them, so a pre-signed upload carries no checksum of an empty
 * body.
 *
 * <p>Plain factory methods, not beans: the S3 SDK is an optional dependency of the platform, on the
 * class path only of the functions that declare it, and each of those makes its own beans with these.
 */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client client(Settings settings) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        endpoint(settings).ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }

    public static S3Presigner presigner(Settings settings) {
        var builder = S3Presigner.builder();
        endpoint(settings).ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private static Optional<URI> endpoint(Settings settings) {
        return settings.optional("AWS_ENDPOINT_URL_S3").or(() -> settings.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }
}
