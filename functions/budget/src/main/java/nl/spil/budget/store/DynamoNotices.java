package nl.spil.budget.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.budget.app.Notices;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.outbox.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The budget's e-mails as outbox items, each transaction with the marker that makes it happen once. */
@Singleton
public class DynamoNotices implements Notices {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final Clock clock;

    public DynamoNotices(DynamoDbClient dynamo, Settings settings, Outbox outbox, Clock clock) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public boolean sendForEvent(String eventId, List<Notice> mails) {
        Map<String, AttributeValue> marker = new HashMap<>(BudgetItems.eventKey(eventId));
        marker.put("kind", s("EVENT"));
        marker.put("consumedAt", s(clock.instant().toString()));
        marker.put("expiresAt", n(clock.instant().plus(PostingWrites.EVENT_MEMORY).getEpochSecond()));
        return write(marker, mails);
    }

    @Override
    public boolean monthlyReportSent(YearMonth month) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(BudgetItems.monthlyReportKey(month)).consistentRead(true).build()).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public boolean sendMonthlyReport(YearMonth month, String objectKey, List<Notice> mails) {
        Map<String, AttributeValue> marker = new HashMap<>(BudgetItems.monthlyReportKey(month));
        marker.put("kind", s("MONTHLY_REPORT"));
        marker.put("objectKey", s(objectKey));
        marker.put("recipients", n(mails.size()));
        marker.put("sentAt", s(clock.instant().toString()));
        return write(marker, mails);
    }

    /** The marker (only if absent) and the e-mails (each only if its dedupe key is new), all or nothing. */
    private boolean write(Map<String, AttributeValue> marker, List<Notice> mails) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return true;
            } catch (TransactionCanceledException e) {
                if (Transactions.onlyConditionsFailed(e)) {
                    return false; // the marker or the e-mails exist: done before
                }
                if (!Transactions.transactionConflict(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
