package nl.spil.notifier.store;

import nl.spil.notifier.app.EventQueue;
import nl.spil.platform.events.DomainEvent;
import nl.spil.platform.outbox.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The notifier's own events as outbox items, each on its own (nothing else is written with them). */
public final class DynamoEventQueue implements EventQueue {

    private final DynamoDbClient dynamo;
    private final Outbox outbox;

    public DynamoEventQueue(DynamoDbClient dynamo, Outbox outbox) {
        this.dynamo = dynamo;
        this.outbox = outbox;
    }

    @Override
    public boolean enqueue(DomainEvent event) {
        return Outbox.putAlone(dynamo, outbox.event(event));
    }
}
