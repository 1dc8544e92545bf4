package nl.spil.testkit;

import java.util.Map;
import java.util.Optional;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Reads what a test expects in the outbox, by the dedupe key the function used. */
public final class Outboxes {

    private Outboxes() {
    }

    public static Optional<OutboxItem> byDedupeKey(LocalAws aws, String dedupeKey) {
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(GetItemRequest.builder()
                .tableName(aws.tableName("OutboxTable"))
                .key(Map.of("pk", AttributeValue.fromS(Outbox.pkForDedupeKey(dedupeKey)), "sk", AttributeValue.fromS("OUTBOX")))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.fromItem(item));
    }
}
