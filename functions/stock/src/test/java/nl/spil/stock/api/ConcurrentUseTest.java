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

    private static List<HttpAnswer> atOnce(List<nl.spil.testkit.HttpEvent> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        for (var e : events) {
            var event = e.build();
            answers.add(pool.submit(() -> {
                start.await();
                return StockFunction.get().http.send(event);
            }));
        }
        start.countDown();
        List<HttpAnswer> results = new ArrayList<>();
        for (Future<HttpAnswer> f : answers) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    @Test
    void theSameUseRetriedTenTimesAtOnceIsBookedOnce() throws Exception {
        String id = fn.item(fn.site(), "RETRY-RACE", 20, 0, 20, null).path("id").asText();
        String key = StockFunction.unique("same");
        List<nl.spil.testkit.HttpEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(StockFunction.event("record-use.json").header("idempotency-key", key).pathParameter("id", id)
                    .path("/stock/items/" + id + "/movements").body("{\"type\":\"use\",\"quantity\":3}"));
        }
        List<HttpAnswer> results = atOnce(events);
        assertThat(results).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(results.stream().map(HttpAnswer::body).distinct()).hasSize(1);
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isEqualTo(17);
        assertThat(fn.ledgerSum(id)).isEqualTo(17);
    }

    @Test
    void aCountClosedFiveTimesAtOnceBooksItsDifferencesOnce() throws Exception {
        String site = fn.site();
        String id = fn.item(site, "COUNT-RACE", 40, 0, 40, null).path("id").asText();
        String count = fn.send(StockFunction.event("open-count.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\"}")).json().path("id").asText();
        assertThat(fn.send(StockFunction.event("record-count-line.json").pathParameter("id", count).pathParameter("itemId", id)
                .path("/stock/counts/" + count + "/lines/" + id).body("{\"counted\":33}")).status()).isEqualTo(200);
        List<nl.spil.testkit.HttpEvent> closes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closes.add(StockFunction.event("close-count.json").pathParameter("id", count).path("/stock/counts/" + count + "/close"));
        }
        List<HttpAnswer> results = atOnce(closes);
        assertThat(results).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            assertThat(a.json().path("lines").get(0).path("difference").asLong()).isEqualTo(-7);
        });
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isEqualTo(33);
        assertThat(fn.ledgerSum(id)).isEqualTo(33);
    }
}
