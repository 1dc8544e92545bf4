package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.spil.bookings.app.HandledEvents;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Events handled to the end, on the bookings table: {@code EVENT#<eventId>} / {@code HANDLED},
 * kept 30 days (EventBridge redelivers for at most a day) and then expired by TTL.
 */
@Singleton
public class DynamoHandledEvents implements HandledEvents {

    static final Duration KEPT = Duration.ofDays(30);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHandledEvents(DynamoDbClient dynamo, Settings settings) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Attrs.key("EVENT#" + eventId, "HANDLED");
    }

    @Override
    public boolean handled(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(eventId))
                .consistentRead(true).build()).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void remember(String eventId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(eventId));
        item.put("kind", s("HANDLED"));
        item.put("handledAt", s(now.toString()));
        item.put("expiresAt", n(now.plus(KEPT).getEpochSecond()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }
}
