package nl.spil.budget.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import nl.spil.budget.app.Organisation;
import nl.spil.platform.config.Settings;
import nl.spil.platform.files.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The budget function's own beans: the organisation's zone (DEFAULT_SITE_ZONE, the zone of every
 * site that names none) and the S3 client and presigner for receipts and monthly reports, as the
 * platform's {@link S3Clients} makes them.
 */
@Factory
public class BudgetFactory {

    @Singleton
    Organisation organisation(Settings settings) {
        return new Organisation(ZoneId.of(settings.optional("DEFAULT_SITE_ZONE", "Europe/Amsterdam")));
    }

    @Singleton
    S3Client s3(Settings settings) {
        return S3Clients.client(settings);
    }

    @Singleton
    S3Presigner presigner(Settings settings) {
        return S3Clients.presigner(settings);
    }
}
