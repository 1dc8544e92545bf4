package nl.spil.mailroom.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.spil.platform.config.Settings;
import nl.spil.platform.files.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 client and presigner for the photos of post, as the platform's {@link S3Clients} makes them. */
@Factory
public class S3Beans {

    @Singleton
    S3Client s3(Settings settings) {
        return S3Clients.client(settings);
    }

    @Singleton
    S3Presigner presigner(Settings settings) {
        return S3Clients.presigner(settings);
    }
}
