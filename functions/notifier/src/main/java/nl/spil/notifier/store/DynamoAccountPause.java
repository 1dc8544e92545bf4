package nl.spil.notifier.store;

import static nl.spil.notifier.store.LedgerItems.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.spil.notifier.app.AccountPause;
import nl.spil.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The e-mail pause as one item of the outbox table ({@code PAUSE#SES} / {@code OUTBOX}): no
 * status, so the stream and the status index pass it by; it expires a day after the pause ends.
 */
public final class DynamoAccountPause implements AccountPause {

    static final String PK = "PAUSE#SES";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountPause(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Instant> until() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(LedgerItems.key(PK))
                .consistentRead(true)).item();
        AttributeValue until = item == null ? null : item.get("pausedUntil");
        return until == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(until.n())));
    }

    @Override
    public void pause(Instant until, String reason, Instant now) {
        try {
            dynamo.updateItem(LedgerItems.update(table, PK)
                    .updateExpression("SET pausedUntil = :until, reason = :reason, pausedAt = :now, expiresAt = :ttl")
                    .conditionExpression("attribute_not_exists(pausedUntil) OR pausedUntil < :until")
                    .expressionAttributeValues(Map.of(":until", LedgerItems.millis(until), ":reason", s(reason),
                            ":now", s(OutboxItems.formatInstant(now)),
                            ":ttl", LedgerItems.epochSeconds(until.plus(Duration.ofDays(1)))))
                    .build());
        } catch (ConditionalCheckFailedException longer) {
            // another invocation paused for longer already
        }
    }
}
