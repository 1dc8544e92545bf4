package nl.spil.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nl.spil.directory.domain.Person;
import nl.spil.directory.domain.Person.PersonDetails;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.NameIndex;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.text.NameMatcher;
import nl.spil.testkit.FunctionUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The measurement behind docs/architecture.md's figure for the people search: a directory of
 * 5,000 people in the directory's own item layout and name index (in a table of its own, so the
 * other tests' tables stay small), then label-like searches through DirectoryReader.findPeople.
 * Prints the times; asserts only what must hold (the right person first, two requests per
 * search), never a time. That the directory's routes keep the index is PeopleSearchTest's job:
 * the local AWS (moto) copies a whole table for every item of a transaction, so 5,000 people
 * through the import route would measure moto, not Spil.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleSearchMeasurementTest {

    private static final int PEOPLE = 5000;
    private static final String[] GIVEN = {"Anne", "Sanne", "Jan", "Piet", "Kees", "Lotte", "Emma", "Daan", "Sem", "Lucas",
        "Julia", "Sophie", "Noah", "Milan", "Fleur", "Tess", "Bram", "Ruben", "Lars", "Eva", "Sara", "Thijs", "Anouk",
        "Mohamed", "Fatima", "Yusuf", "Ayşe", "Zoë", "Chloé", "Jürgen", "Bjørn", "Søren", "Hanna", "Mila", "Finn"};
    private static final String[] PARTICLES = {"", "", "", "", "van ", "de ", "van der ", "van den ", "van de ", "ter ", "'t "};
    private static final String[] SURNAMES = {"Berg", "Jansen", "Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
        "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijk", "Leeuwen", "Wit", "Dam", "Linden", "Heuvel",
        "Müller", "Schröder", "Yılmaz", "Öztürk", "El Amrani", "Bruijn", "Graaf", "Hart", "Horst", "Kok", "Jacobs",
        "Willems", "Maas", "Verhoeven", "Koster", "Prins", "Huisman", "Kuipers", "Post", "Kramer", "Wijk", "Veen"};
    private static final String TARGET = "Anne van den Qorvathmel";

    private final DynamoDbClient dynamo = FunctionUnderTest.get("DirectoryFunction").context().getBean(DynamoDbClient.class);
    private final String table = "people-search-measurement-" + System.nanoTime();

    @BeforeAll
    void aDirectoryOfFiveThousand() {
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        Random random = new Random(12);
        List<Person> people = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < PEOPLE; i++) {
            String name = i == PEOPLE / 2 ? TARGET : GIVEN[random.nextInt(GIVEN.length)] + " "
                    + PARTICLES[random.nextInt(PARTICLES.length)] + SURNAMES[random.nextInt(SURNAMES.length)]
                    + (i % 3 == 0 ? "-" + SURNAMES[random.nextInt(SURNAMES.length)] : "");
            people.add(Person.register(String.format("01JMEASURE%016d", i), new PersonDetails(name, "p" + i + "@example.org",
                    Language.NL, Optional.of("Dept " + i % 40), Optional.of("01JSITE0000000000000000001"), Set.of(Role.STAFF),
                    Optional.empty()), Optional.empty(), now));
        }
        for (int from = 0; from < PEOPLE; from += 25) {
            List<WriteRequest> writes = people.subList(from, from + 25).stream()
                    .map(p -> WriteRequest.builder().putRequest(PutRequest.builder().item(PersonItems.of(p).byId()).build()).build())
                    .toList();
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
        for (Map<String, AttributeValue> shard : NameIndex.shardItems(people.stream().map(PersonItems::nameEntry).toList())) {
            dynamo.putItem(b -> b.tableName(table).item(shard));
        }
    }

    @AfterAll
    void dropTheTable() {
        dynamo.deleteTable(b -> b.tableName(table));
    }

    @Test
    void searchingADirectoryOfFiveThousandPeople() {
        DirectoryReader reader = new DirectoryReader(dynamo, table);
        List<NameIndex.Entry> index = reader.nameIndex();
        assertThat(index).hasSize(PEOPLE);
        List<String> queries = List.of("A. v.d. Qorvathmel", "anne qorvahtmel", "vandenqorvathmel", "T.a.v. dhr. Muller",
                "v.d. Berg", "Yilmaz", "ozturk", "Sophie de Vries", "J. Jansen-Bakker", "de bruyn", "Lotte ter Horst",
                "Mohamed El Amrani", "Schroeder", "annne berg", "van leeuwen", "Noah 't Hart", "Kramr", "tess vos", "bjorn",
                "Verhoven");
        queries.subList(0, 3).forEach(q -> reader.findPeople(q, 10)); // warm up, as a warm Lambda is
        // the local AWS takes seconds per Query of this size: eight searches through it are enough
        List<String> throughAws = queries.subList(0, 8);
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        long start = System.nanoTime();
        for (String q : throughAws) {
            assertThat(reader.findPeople(q, 10)).as(q).isNotEmpty();
        }
        double perSearchMs = (System.nanoTime() - start) / 1e6 / throughAws.size();
        assertThat(before.since().byOperation()).isEqualTo(Map.of("Query", (long) throughAws.size(),
                "BatchGetItem", (long) throughAws.size()));

        long queryStart = System.nanoTime();
        reader.nameIndex();
        double queryMs = (System.nanoTime() - queryStart) / 1e6;
        // CPU time of this thread, so that other builds on the machine do not count
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long prepareStart = cpu.getCurrentThreadCpuTime();
        index.forEach(e -> NameMatcher.prepare(e.name()));
        double prepareMs = (cpu.getCurrentThreadCpuTime() - prepareStart) / 1e6;
        long rankStart = cpu.getCurrentThreadCpuTime();
        int rankRounds = 10;
        for (int i = 0; i < rankRounds; i++) {
            for (String q : queries) {
                NameMatcher.of(q).best(index, e -> DirectoryReader.prepared(e.name()), 10);
            }
        }
        double rankMs = (cpu.getCurrentThreadCpuTime() - rankStart) / 1e6 / (rankRounds * queries.size());

        for (String q : List.of("A. v.d. Qorvathmel", "anne qorvahtmel", "vandenqorvathmel")) {
            List<NameIndex.Entry> found = NameMatcher.of(q).best(index, e -> DirectoryReader.prepared(e.name()), 10);
            assertThat(found.get(0).name()).as(q).isEqualTo(TARGET);
        }
        System.out.printf("people search, %d people: findPeople %.1f ms per search, 1 Query + 1 BatchGetItem (local AWS)%n",
                index.size(), perSearchMs);
        System.out.printf("people search, %d people: the name-index Query %.1f ms; the ranking %.2f ms CPU (preparing all names once: %.1f ms CPU)%n",
                index.size(), queryMs, rankMs, prepareMs);
    }
}
