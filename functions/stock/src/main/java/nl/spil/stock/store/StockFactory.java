package nl.spil.stock.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.outbox.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The platform pieces the stock function adds: the directory (read-only) and the outbox. */
@Factory
public class StockFactory {

    @Singleton
    DirectoryReader directoryReader(DynamoDbClient dynamo, Settings settings) {
        return new DirectoryReader(dynamo, settings.require("DIRECTORY_TABLE"));
    }

    @Singleton
    Outbox outbox(Settings settings, Clock clock, Ids ids) {
        return new Outbox(settings.outboxTable(), clock, ids::next);
    }
}
