package nl.spil.stock.store;

import jakarta.inject.Singleton;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.stock.app.Mailbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Each e-mail on its own: one conditional PutItem on the outbox, no transaction, so a taken
 * dedupe key (or a bad item) refuses only that e-mail.
 */
@Singleton
public class DynamoMailbox implements Mailbox {

    private final DynamoDbClient dynamo;
    private final Outbox outbox;

    public DynamoMailbox(DynamoDbClient dynamo, Outbox outbox) {
        this.dynamo = dynamo;
        this.outbox = outbox;
    }

    @Override
    public boolean enqueue(EmailMessage message, String dedupeKey) {
        return Outbox.putAlone(dynamo, outbox.email(message, dedupeKey));
    }
}
