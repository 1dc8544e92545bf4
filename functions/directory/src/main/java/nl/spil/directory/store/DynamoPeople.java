package nl.spil.directory.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.directory.app.People;
import nl.spil.directory.domain.Person;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
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

/** People on the directory table; see docs/architecture.md for the access patterns. */
@Singleton
public class DynamoPeople implements People {

    // two items each plus at most 16 name-index shards: DynamoDB's limit is 100 writes
    private static final int PEOPLE_PER_TRANSACTION = 42;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;

    public DynamoPeople(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
    }

    @Override
    public Optional<Person> byId(String id) {
        return get(PersonItems.idKey(id));
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return get(PersonItems.emailKey(email));
    }

    private Optional<Person> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PersonItems.person(item));
    }

    @Override
    public Page<Person> list(PageRequest page) {
        QueryResponse result = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attrs.s(PersonItems.PEOPLE)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode("people", page.cursor()))
                .build());
        List<Person> people = result.items().stream().map(PersonItems::person).toList();
        return new Page<>(people, cursors.encode("people", result.lastEvaluatedKey()));
    }

    @Override
    public Response add(Person person, CreateRequest request, Function<Person, Response> answer) {
        Plan plan = new Plan(List.of(putNew(PersonItems.byId(person)), putNew(PersonItems.byEmail(person)),
                NameIndex.put(table, PersonItems.nameEntry(person))), answer.apply(person), person.id());
        return creates.create(request, "people", plan, cancelled -> emailTaken(person.email()),
                id -> byId(id).map(answer));
    }

    @Override
    public void replace(Person current, Person changed) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(PersonItems.byId(changed))
                .conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", Attrs.n(current.version()))).build()).build());
        boolean emailChanged = !current.email().equals(changed.email());
        if (emailChanged) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(PersonItems.emailKey(current.email())).build()).build());
            writes.add(putNew(PersonItems.byEmail(changed)));
        } else {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(PersonItems.byEmail(changed))
                    .conditionExpression("personId = :id")
                    .expressionAttributeValues(Map.of(":id", Attrs.s(changed.id()))).build()).build());
        }
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
    public void remove(Person person) {
        try {
            transact(List.of(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(PersonItems.idKey(person.id()))
                            .conditionExpression("version = :v")
                            .expressionAttributeValues(Map.of(":v", Attrs.n(person.version()))).build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(PersonItems.emailKey(person.email()))
                            .conditionExpression("attribute_not_exists(pk) OR personId = :id")
                            .expressionAttributeValues(Map.of(":id", Attrs.s(person.id()))).build()).build(),
                    NameIndex.remove(table, person.id())));
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                throw ProblemException.stale("person " + person.id() + " was changed meanwhile; reload it");
            }
            throw e;
        }
    }

    @Override
    public List<String> addAll(List<Person> people) {
        List<String> taken = new ArrayList<>();
        for (int from = 0; from < people.size(); from += PEOPLE_PER_TRANSACTION) {
            List<Person> chunk = new ArrayList<>(people.subList(from, Math.min(people.size(), from + PEOPLE_PER_TRANSACTION)));
            taken.addAll(addChunk(chunk));
        }
        return taken;
    }

    /** Writes a chunk in one transaction; rows whose e-mail is taken are set aside and the rest retried. */
    private List<String> addChunk(List<Person> chunk) {
        List<String> taken = new ArrayList<>();
        for (int attempt = 0; !chunk.isEmpty(); attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Person p : chunk) {
                writes.add(putNew(PersonItems.byId(p)));
                writes.add(putNew(PersonItems.byEmail(p)));
            }
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
                Set<Integer> failed = new HashSet<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (Transactions.conditionFailed(e, 2 * i) || Transactions.conditionFailed(e, 2 * i + 1)) {
                        failed.add(i);
                    }
                }
                List<Person> rest = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (failed.contains(i)) {
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
     * One transaction; retried a few times when another one touched the same items at that
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
            Thread.sleep(10L * (1L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static ProblemException emailTaken(String email) {
        return ProblemException.conflict("email-taken", "E-mail already registered",
                "someone in the directory already has the e-mail address " + email);
    }
}
