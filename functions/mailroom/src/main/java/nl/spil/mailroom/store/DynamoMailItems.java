package nl.spil.mailroom.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.mailroom.app.MailItems;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.ItemReads;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Mail items, day counts and handled events on the mail table; see docs/architecture.md for the access patterns. */
@Singleton
public class DynamoMailItems implements MailItems {

    private static final Duration EVENT_MEMORY = Duration.ofDays(30);
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Outbox outbox;

    public DynamoMailItems(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.outbox = outbox;
    }

    @Override
    public Optional<MailItem> byId(String id) {
        return ItemReads.get(dynamo, table, MailItemItems.key(id)).map(MailItemItems::mailItem);
    }

    @Override
    public List<MailItem> byIds(List<String> ids) {
        return ItemReads.byIds(dynamo, table, ids, MailItemItems::key, MailItemItems::mailItem);
    }

    @Override
    public Response log(List<MailItem> items, List<Mail> mails, DayCount count, CreateRequest request, Response answer,
                        String createdId, Function<String, Optional<Response>> reread) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (MailItem item : items) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(MailItemItems.item(item))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        writes.add(countWrite(count));
        return creates.create(request, "mail", new Plan(writes, answer, createdId),
                cancelled -> ProblemException.conflict("mail-exists", "Already logged", "send the request again"), reread);
    }

    @Override
    public void change(MailItem current, MailItem changed, List<Mail> mails, Optional<DayCount> count) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(replace(current, changed));
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        count.ifPresent(c -> writes.add(countWrite(c)));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e) || Transactions.transactionConflict(e)) {
                throw new ConcurrentChange();
            }
            throw e;
        }
    }

    @Override
    public boolean changeAll(List<MailItem> current, List<MailItem> changed, List<Mail> mails) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            writes.add(replace(current.get(i), changed.get(i)));
        }
        mails.forEach(m -> writes.add(outbox.email(m.message(), m.dedupeKey())));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e) || Transactions.transactionConflict(e)) {
                return false; // an item moved, or these e-mails went out already: nothing was written
            }
            throw e;
        }
    }

    private TransactWriteItem replace(MailItem current, MailItem changed) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(MailItemItems.item(changed))
                .conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", n(current.version()))).build()).build();
    }

    private TransactWriteItem countWrite(DayCount c) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Attrs.key("COUNT#" + c.siteId(), c.day().toString()))
                .updateExpression("SET kind = :kind ADD #c :n")
                .expressionAttributeNames(Map.of("#c", c.counter().name().toLowerCase(Locale.ROOT)))
                .expressionAttributeValues(Map.of(":kind", s("COUNT"), ":n", n(c.n()))).build()).build();
    }

    @Override
    public Page<MailItem> waitingFor(String personId, PageRequest page) {
        return page("gsi2", MailItemItems.personList(personId), MailItemItems.WAITING, true, "mine-waiting:" + personId, page);
    }

    @Override
    public Page<MailItem> doneFor(String personId, PageRequest page) {
        return page("gsi2", MailItemItems.personList(personId), MailItemItems.DONE, false, "mine-done:" + personId, page);
    }

    @Override
    public Page<MailItem> waitingForDepartment(String siteId, String department, PageRequest page) {
        String list = MailItemItems.departmentList(siteId, department);
        return page("gsi2", list, MailItemItems.WAITING, true, "department:" + list, page);
    }

    @Override
    public Page<MailItem> onShelves(String siteId, PageRequest page) {
        return page("gsi1", MailItemItems.SHELF + siteId, null, true, "shelves:" + siteId, page);
    }

    private Page<MailItem> page(String index, String partition, String prefix, boolean forward, String scope, PageRequest page) {
        QueryResponse r = dynamo.query(query(index, partition, prefix).scanIndexForward(forward).limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor())).build());
        return new Page<>(r.items().stream().map(MailItemItems::mailItem).toList(), cursors.encode(scope, r.lastEvaluatedKey()));
    }

    private QueryRequest.Builder query(String index, String partition, String prefix) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(partition));
        String condition = index + "pk = :p";
        if (prefix != null) {
            condition += " AND begins_with(" + index + "sk, :prefix)";
            values.put(":prefix", s(prefix));
        }
        return QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(condition)
                .expressionAttributeValues(values);
    }

    private List<MailItem> all(QueryRequest.Builder query) {
        List<MailItem> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(query.exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(MailItemItems.mailItem(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<MailItem> allOnShelves(String siteId) {
        return all(query("gsi1", MailItemItems.SHELF + siteId, null));
    }

    @Override
    public List<MailItem> forwardingList(String siteId) {
        return all(query("gsi3", MailItemItems.FORWARD + siteId, null));
    }

    @Override
    public List<MailItem> allFor(String personId) {
        return all(query("gsi2", MailItemItems.personList(personId), null));
    }

    @Override
    public List<MailItem> pastKeeping(Instant now, int max) {
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi3")
                .keyConditionExpression("gsi3pk = :p AND gsi3sk < :now")
                .expressionAttributeValues(Map.of(":p", s(MailItemItems.PURGE), ":now", s(MailItemItems.time(now))))
                .limit(max).build());
        return r.items().stream().map(MailItemItems::mailItem).toList();
    }

    @Override
    public boolean delete(MailItem item) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(MailItemItems.key(item.id()))
                    .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(item.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<DayCounts> counts(String siteId, LocalDate from, LocalDate to) {
        List<DayCounts> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":p", s("COUNT#" + siteId), ":from", s(from.toString()), ":to", s(to.toString())))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(new DayCounts(LocalDate.parse(Attrs.str(i, "sk")), count(i, "logged"),
                    count(i, "collected"), count(i, "forwarded"), count(i, "returned"))));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    @Override
    public boolean handled(String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Attrs.key("EVENT#" + eventId, "EVENT")).consistentRead(true).build()).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void rememberHandled(String eventId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key("EVENT#" + eventId, "EVENT"));
        item.put("kind", s("EVENT"));
        item.put("expiresAt", n(now.plus(EVENT_MEMORY).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
