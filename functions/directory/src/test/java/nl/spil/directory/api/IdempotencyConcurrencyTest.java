package nl.spil.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A client that retries (even all at once) creates one thing. */
class IdempotencyConcurrencyTest {

    private static final DirectoryFunction FN = DirectoryFunction.get();

    @Test
    void twentyIdenticalCreatesAtOnceMakeOnePerson() throws Exception {
        for (int round = 0; round < 5; round++) {
            String email = DirectoryFunction.uniqueEmail("race");
            HttpEvent create = DirectoryFunction.event("create-person.json").header("idempotency-key", "race-" + round + "-" + System.nanoTime())
                    .body("{\"name\":\"Race " + round + "\",\"email\":\"" + email + "\"}");
            int threads = 20;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                var event = create.build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return FN.http.send(event);
                }));
            }
            start.countDown();
            List<HttpAnswer> results = new ArrayList<>();
            for (Future<HttpAnswer> f : answers) {
                results.add(f.get());
            }
            pool.shutdown();
            assertThat(results).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
            assertThat(results.stream().map(a -> a.json().path("id").asText()).distinct()).hasSize(1);
            assertThat(peopleWithEmail(email)).isEqualTo(1);
        }
    }

    private static int peopleWithEmail(String email) {
        // every person is listed once on gsi1; count those with this e-mail
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = FN.aws.dynamoDb().query(QueryRequest.builder().tableName(FN.table()).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .filterExpression("email = :e")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PEOPLE"), ":e", AttributeValue.fromS(email)))
                    .exclusiveStartKey(start).build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
