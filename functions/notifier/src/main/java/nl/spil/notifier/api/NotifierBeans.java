package nl.spil.notifier.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.notifier.app.ResendingFailedNotifications;
import nl.spil.notifier.store.DynamoFailedOutbox;
import nl.spil.platform.config.Settings;
import nl.spil.platform.paging.Cursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The HTTP function's beans (the platform gives DynamoDB, settings, clock and cursors). */
@Factory
public class NotifierBeans {

    @Singleton
    ResendingFailedNotifications resendingFailedNotifications(DynamoDbClient dynamo, Settings settings, Cursors cursors,
                                                              Clock clock) {
        return new ResendingFailedNotifications(new DynamoFailedOutbox(dynamo, settings.outboxTable(), cursors), clock);
    }
}
