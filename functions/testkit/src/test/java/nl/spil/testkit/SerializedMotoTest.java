package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@WithLocalAws
class SerializedMotoTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 200;

    @Test
    void racingConditionalPutsHaveExactlyOneWinnerInEveryRound(LocalAws aws, TemplateTables tables) throws Exception {
        DynamoDbClient ddb = aws.dynamoDb();
        String table = tables.table("DirectoryTable");
        String run = Long.toString(System.nanoTime(), 36);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Integer> badRounds = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String pk = "RACE#" + run + "#" + round;
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String writer = "writer-" + t;
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            ddb.putItem(b -> b.tableName(table)
                                    .item(Map.of("pk", s(pk), "sk", s("RACE"), "writer", s(writer)))
                                    .conditionExpression("attribute_not_exists(pk)"));
                            return true;
                        } catch (ConditionalCheckFailedException lost) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get() ? 1 : 0;
                }
                if (winners != 1) {
                    badRounds.add(round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(badRounds).as("rounds without exactly one winner").isEmpty();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
