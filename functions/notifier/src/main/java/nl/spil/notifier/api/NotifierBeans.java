package nl.spil.notifier.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.notifier.app.FailedNotifications;
import nl.spil.notifier.store.DynamoOutboxLedger;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The HTTP function's beans (the platform gives DynamoDB, settings, clock and cursors). */
@Factory
public class NotifierBeans {

    @Singleton
    FailedNotifications failedNotifications(DynamoDbClient dynamo, Settings settings, Clock clock) {
        return new FailedNotifications(new DynamoOutboxLedger(dynamo, settings.outboxTable()), clock);
    }
}
