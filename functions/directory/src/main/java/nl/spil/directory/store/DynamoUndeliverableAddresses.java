package nl.spil.directory.store;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.directory.app.OutgoingMail;
import nl.spil.directory.app.UndeliverableAddresses;
import nl.spil.directory.domain.Person;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.identity.Role;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Records an undeliverable address on the directory table: every item of the person rewritten
 * with {@code mailUndeliverable} (so any read of them, a role-index list included, shows it), the
 * handled event ({@code EVENT#eventId}, kept a week through TTL, longer than EventBridge retries an
 * event) and the e-mails to the office managers, in one transaction.
 */
@Singleton
public class DynamoUndeliverableAddresses implements UndeliverableAddresses {

    /** How long a handled event's id is kept: EventBridge and Lambda give up on an event within a day. */
    static final Duration EVENT_KEPT = Duration.ofDays(7);
    private static final int EVENT_ITEM = 0;
    private static final int PERSON_ITEM = 1;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DirectoryReader reader;
    private final Outbox outbox;
    private final Clock clock;

    public DynamoUndeliverableAddresses(DynamoDbClient dynamo, Settings settings, Outbox outbox, Clock clock) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.reader = new DirectoryReader(dynamo, table); // the directory reads its own table as the others do
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A site's: 2 Queries of the role index; every office manager: 1 Query of the people list per page, filtered by role. */
    @Override
    public List<PersonCard> officeManagers(Optional<String> siteId) {
        return siteId.map(site -> reader.peopleWithRole(site, Role.OFFICE_MANAGER.group()))
                .orElseGet(() -> reader.peopleWithAnyRole(List.of(Role.OFFICE_MANAGER.group())));
    }

    @Override
    public boolean record(Person current, Person marked, String eventId, List<OutgoingMail> mails) {
        DirectoryLayout.PersonItems items = PersonItems.of(marked);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Put.builder().tableName(table).item(handledEvent(eventId))
                .conditionExpression("attribute_not_exists(pk)")));
        writes.add(put(Put.builder().tableName(table).item(items.byId()).conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", Attrs.n(current.version())))));
        writes.add(put(Put.builder().tableName(table).item(items.byEmail())
                .conditionExpression("personId = :id AND version = :v")
                .expressionAttributeValues(Map.of(":id", Attrs.s(current.id()), ":v", Attrs.n(current.version())))));
        items.byRole().values().forEach(item -> writes.add(put(Put.builder().tableName(table).item(item))));
        int firstMail = writes.size();
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, EVENT_ITEM) || anyMailSentBefore(e, firstMail, writes.size())) {
                return false;
            }
            if (Transactions.conditionFailed(e, PERSON_ITEM) || Transactions.onlyConditionsFailed(e)
                    || Transactions.transactionConflict(e)) {
                throw new ConcurrentChange(); // read the person again
            }
            throw e;
        }
    }

    private static boolean anyMailSentBefore(TransactionCanceledException e, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Outbox.isDuplicate(e, i)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, AttributeValue> handledEvent(String eventId) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key("EVENT#" + eventId, "EVENT"));
        item.put("kind", Attrs.s("EVENT"));
        item.put("handledAt", Attrs.s(clock.instant().toString()));
        item.put("expiresAt", Attrs.n(clock.instant().plus(EVENT_KEPT).getEpochSecond()));
        return item;
    }

    private static TransactWriteItem put(Put.Builder put) {
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
