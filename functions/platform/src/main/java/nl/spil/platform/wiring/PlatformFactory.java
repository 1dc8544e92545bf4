package nl.spil.platform.http;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.paging.Cursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The beans every function shares. The DynamoDB client is built eagerly, in Lambda's init phase. */
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

    @Singleton
    Cursors cursors(Settings settings) {
        return new Cursors(settings.require("CURSOR_SIGNING_KEY"));
    }

    @Singleton
    IdempotentCreates idempotentCreates(DynamoDbClient dynamo, Settings settings, Clock clock) {
        return new IdempotentCreates(dynamo, settings.tableName(), clock);
    }
}
