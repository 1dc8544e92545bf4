package nl.spil.directory.store;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import nl.spil.directory.app.People;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.ItemReads;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** People on the directory table; see docs/architecture.md for the items and access patterns. */
@Singleton
public class DynamoPeople implements People {

    /** DynamoDB's limit of items in one transaction (an import's chunk keeps room for the name-index shards). */
    private static final int ITEMS_PER_TRANSACTION = 100;
    /** How long the receipt of someone who left answers a repeated request. */
    static final Duration RECEIPT_KEPT = Duration.ofDays(30);
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Outbox outbox;
    private final Clock clock;

    public DynamoPeople(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates,
                        Outbox outbox, Clock clock) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Optional<Person> byId(String id) {
        return get(DirectoryLayout.personKey(id)).map(PersonItems::person);
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return get(DirectoryLayout.emailKey(email)).map(PersonItems::person);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public Page<Person> list(PageRequest page) {
        QueryResponse result = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(DirectoryLayout.INDEX)
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attrs.s(DirectoryLayout.PEOPLE)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode("people", page.cursor()))
                .build());
        List<Person> people = result.items().stream().map(PersonItems::person).toList();
        return new Page<>(people, cursors.encode("people", result.lastEvaluatedKey()));
    }

    @Override
    public Set<String> registered(Collection<String> emails) {
        Set<String> found = new HashSet<>();
        ItemReads.batchGet(dynamo, table, emails.stream().distinct().map(DirectoryLayout::emailKey).toList(), "email", null)
                .forEach(item -> found.add(Attrs.str(item, "email")));
        return found;
    }

    @Override
    public Response add(Person person, CreateRequest request, Function<Person, Response> answer) {
        List<TransactWriteItem> writes = new ArrayList<>(newPerson(person));
        writes.add(NameIndex.put(table, PersonItems.nameEntry(person)));
        Plan plan = new Plan(writes, answer.apply(person), person.id());
        return creates.create(request, "people", plan, cancelled -> emailTaken(person.email()),
                id -> byId(id).map(answer));
    }

    /**
     * Every item of a new person, each on the condition that it does not exist (the e-mail item's
     * makes e-mails unique); the name index entry is added by the caller (an import writes it once
     * per shard for a whole chunk).
     */
    private List<TransactWriteItem> newPerson(Person person) {
        DirectoryLayout.PersonItems items = PersonItems.of(person);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putNew(items.byId()));
        writes.add(putNew(items.byEmail()));
        items.byRole().values().forEach(item -> writes.add(putNew(item)));
        return writes;
    }

    @Override
    public void replace(Person current, Person changed) {
        DirectoryLayout.PersonItems items = PersonItems.of(changed);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Put.builder().tableName(table).item(items.byId()).conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", Attrs.n(current.version())))));
        boolean emailChanged = !current.email().equals(changed.email());
        if (emailChanged) {
            writes.add(delete(Delete.builder().tableName(table).key(DirectoryLayout.emailKey(current.email()))));
            writes.add(putNew(items.byEmail()));
        } else {
            writes.add(put(Put.builder().tableName(table).item(items.byEmail()).conditionExpression("personId = :id")
                    .expressionAttributeValues(Map.of(":id", Attrs.s(changed.id())))));
        }
        items.byRole().values().forEach(item -> writes.add(put(Put.builder().tableName(table).item(item))));
        current.roles().stream().filter(role -> !changed.roles().contains(role)).forEach(role ->
                writes.add(delete(Delete.builder().tableName(table).key(DirectoryLayout.roleKey(current.id(), role)))));
        writes.add(NameIndex.put(table, PersonItems.nameEntry(changed)));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw ProblemException.stale("person " + current.id() + " was changed meanwhile; reload it");
            }
            if (emailChanged && Transactions.conditionFailed(e, 2)) {
                throw emailTaken(changed.email());
            }
            throw e;
        }
    }

    @Override
    public void leave(Person person, Departure departure, Optional<String> sub) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(Delete.builder().tableName(table).key(DirectoryLayout.personKey(person.id()))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", Attrs.n(person.version())))));
        writes.add(delete(Delete.builder().tableName(table).key(DirectoryLayout.emailKey(person.email()))
                .conditionExpression("attribute_not_exists(pk) OR personId = :id")
                .expressionAttributeValues(Map.of(":id", Attrs.s(person.id())))));
        person.roles().forEach(role ->
                writes.add(delete(Delete.builder().tableName(table).key(DirectoryLayout.roleKey(person.id(), role)))));
        long expiresAt = clock.instant().plus(RECEIPT_KEPT).getEpochSecond();
        writes.add(putNew(PersonItems.departure(departure, expiresAt)));
        writes.add(NameIndex.remove(table, person.id()));
        writes.add(outbox.event(departure.event(sub)));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e) || Transactions.transactionConflict(e)) {
                throw new ConcurrentChange(); // read again: changed, or left meanwhile
            }
            throw e;
        }
    }

    @Override
    public Optional<Departure> departure(String personId) {
        return get(PersonItems.departureKey(personId))
                .filter(item -> Attrs.num(item, "expiresAt") > clock.instant().getEpochSecond()) // TTL deletes late
                .map(PersonItems::departure);
    }

    @Override
    public List<String> addAll(List<Person> people) {
        List<String> taken = new ArrayList<>();
        List<Person> chunk = new ArrayList<>();
        int items = 0;
        for (Person p : people) {
            int needs = 2 + p.roles().size();
            if (items + needs > ITEMS_PER_TRANSACTION - NameIndex.SHARDS) {
                taken.addAll(addChunk(chunk));
                chunk = new ArrayList<>();
                items = 0;
            }
            chunk.add(p);
            items += needs;
        }
        if (!chunk.isEmpty()) {
            taken.addAll(addChunk(chunk));
        }
        return taken;
    }

    /** Writes a chunk in one transaction; people whose e-mail is taken are set aside and the rest retried. */
    private List<String> addChunk(List<Person> chunk) {
        List<String> taken = new ArrayList<>();
        for (int attempt = 0; !chunk.isEmpty(); attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            List<Integer> firstItemOf = new ArrayList<>();
            for (Person p : chunk) {
                firstItemOf.add(writes.size());
                writes.addAll(newPerson(p));
            }
            int personItems = writes.size();
            writes.addAll(NameIndex.writes(table, chunk.stream().map(PersonItems::nameEntry).toList(), List.of()));
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return taken;
            } catch (TransactionCanceledException e) {
                if (Transactions.transactionConflict(e) && attempt < 5) {
                    backOff(attempt);
                    continue;
                }
                if (!Transactions.onlyConditionsFailed(e)) {
                    throw e;
                }
                List<Person> rest = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    int first = firstItemOf.get(i);
                    int end = i + 1 < chunk.size() ? firstItemOf.get(i + 1) : personItems;
                    boolean failed = false;
                    for (int item = first; item < end; item++) {
                        failed |= Transactions.conditionFailed(e, item);
                    }
                    if (failed) {
                        taken.add(chunk.get(i).id());
                    } else {
                        rest.add(chunk.get(i));
                    }
                }
                chunk = rest;
            }
        }
        return taken;
    }

    /**
     * One transaction; sent again a few times when another one touched the same items at that
     * moment (two office managers changing people of the same name-index shard).
     */
    private void transact(List<TransactWriteItem> writes) {
        for (int attempt = 0; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                if (!Transactions.transactionConflict(e) || attempt >= 4) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(10L * (1L << attempt) + ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    private static TransactWriteItem put(Put.Builder put) {
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static TransactWriteItem delete(Delete.Builder delete) {
        return TransactWriteItem.builder().delete(delete.build()).build();
    }

    private static ProblemException emailTaken(String email) {
        return ProblemException.conflict("email-taken", "E-mail already registered",
                "someone in the directory already has the e-mail address " + email);
    }
}
