package nl.spil.notifier.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Delivers several items at once (SES and DynamoDB calls are I/O: a few in flight multiply the
 * throughput of one Lambda), each independently: one item's failure never touches another's.
 */
public final class Dispatching {

    /** How one item went: its result, or the exception that stopped it (then it is retried by the caller). */
    public record Report(String pk, Delivering.Result result, RuntimeException error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Delivering delivering;
    private final ExecutorService pool;

    public Dispatching(Delivering delivering, int concurrency) {
        this.delivering = delivering;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "notifier-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Delivering delivering() {
        return delivering;
    }

    /**
     * Delivers each distinct pk, in parallel. An item not started because {@code timeLeft} said
     * no is reported failed (so the stream gives it again).
     */
    public List<Report> deliverAll(List<String> pks, BooleanSupplier timeLeft) {
        Map<String, Future<Delivering.Result>> futures = new LinkedHashMap<>();
        for (String pk : pks) {
            futures.computeIfAbsent(pk, key -> pool.submit(() -> {
                if (!timeLeft.getAsBoolean()) {
                    throw new IllegalStateException("not started: the invocation is about to time out");
                }
                return delivering.deliver(key);
            }));
        }
        List<Report> reports = new ArrayList<>();
        futures.forEach((pk, future) -> {
            try {
                reports.add(new Report(pk, future.get(), null));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                reports.add(new Report(pk, null, cause instanceof RuntimeException r ? r : new IllegalStateException(cause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reports.add(new Report(pk, null, new IllegalStateException("interrupted", e)));
            }
        });
        return reports;
    }
}
