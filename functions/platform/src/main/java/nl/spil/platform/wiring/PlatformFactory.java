package nl.spil.platform.wiring;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.platform.config.Secrets;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.EmfOutcomes;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.CursorKeys;
import nl.spil.platform.paging.Cursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The beans every function shares, built in Lambda's init phase. The directory reader and the
 * outbox exist only where template.yaml gives the function DIRECTORY_TABLE or OUTBOX_TABLE.
 */
@Factory
public class PlatformFactory {

    @Singleton
    Settings settings() {
        return Settings.fromEnvironment();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Ids ids(Clock clock) {
        return new Ids(clock);
    }

    @Context
    DynamoDbClient dynamoDbClient() {
        return DynamoClients.create();
    }

    /**
     * The keys that sign list cursors, read at init from the secret template.yaml names in
     * CURSOR_KEYS_SECRET, which only the functions that page are given (and may read).
     */
    @Singleton
    Cursors cursors(Settings settings) {
        return settings.optional("CURSOR_KEYS_SECRET")
                .map(secret -> new Cursors(CursorKeys.parse(Secrets.read(secret))))
                .orElseGet(Cursors::unavailable);
    }

    /** Business outcomes as CloudWatch metrics (EMF on standard output), dimension: this Lambda function. */
    @Singleton
    Outcomes outcomes(@Value("${micronaut.application.name:spil}") String application) {
        return EmfOutcomes.toStandardOutput(application);
    }

    @Singleton
    IdempotentCreates idempotentCreates(DynamoDbClient dynamo, Settings settings, Clock clock) {
        return new IdempotentCreates(dynamo, settings.tableName(), clock);
    }

    /** The directory as other functions read it (people's names, e-mails, languages; sites). */
    @Singleton
    @Requires(condition = TemplateSets.DirectoryTable.class)
    DirectoryReader directoryReader(DynamoDbClient dynamo, Settings settings) {
        return new DirectoryReader(dynamo, settings.require("DIRECTORY_TABLE"));
    }

    @Singleton
    @Requires(condition = TemplateSets.OutboxTable.class)
    Outbox outbox(Settings settings, Clock clock, Ids ids) {
        return new Outbox(settings.outboxTable(), clock, ids::next);
    }
}
