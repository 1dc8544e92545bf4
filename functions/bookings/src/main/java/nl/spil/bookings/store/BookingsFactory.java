package nl.spil.bookings.store;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.outbox.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The bookings function's read-only view of the directory and its outbox. */
@Factory
public class BookingsFactory {

    @Singleton
    DirectoryReader directoryReader(DynamoDbClient dynamo, Settings settings) {
        return new DirectoryReader(dynamo, settings.require("DIRECTORY_TABLE"));
    }

    @Singleton
    Outbox outbox(Settings settings, Clock clock, Ids ids) {
        return new Outbox(settings.outboxTable(), clock, ids::next);
    }
}
