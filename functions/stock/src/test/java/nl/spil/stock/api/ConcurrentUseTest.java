package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/** quality.md "stock never negative": 200 people take one of 100 at the same moment. */
class ConcurrentUseTest {

    private final StockFunction fn = StockFunction.get();

    @Test
    void twoHundredSimultaneousUsesOfOneOnAnItemHoldingAHundred() throws Exception {
        String site = fn.site();
        String id = fn.item(site, "PEN-RACE", 100, 10, 150, null).path("id").asText();
        int threads = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            var event = StockFunction.event("record-use.json").header("idempotency-key", "race-" + i + "-" + System.nanoTime())
                    .pathParameter("id", id).path("/stock/items/" + id + "/movements").build();
            answers.add(pool.submit(() -> {
                start.await();
                return fn.http.send(event);
            }));
        }
        start.countDown();
        List<HttpAnswer> results = new ArrayList<>();
        for (Future<HttpAnswer> f : answers) {
            results.add(f.get());
        }
        pool.shutdown();
        long created = results.stream().filter(a -> a.status() == 201).count();
        long refused = results.stream().filter(a -> a.status() == 409).count();
        System.out.println("200 concurrent uses of 1 on 100: " + created + " x 201, " + refused + " x 409");
        assertThat(results).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
        assertThat(created).isEqualTo(100);
        assertThat(refused).isEqualTo(100);
        assertThat(results.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat(a.json().path("type").asText()).endsWith("/insufficient-stock"));
        var item = fn.getItem(id).json();
        assertThat(item.path("quantity").asLong()).isZero();
        assertThat(item.path("low").asBoolean()).isTrue();
        assertThat(fn.ledgerSum(id)).isZero();
    }
}
