package nl.spil.platform.dynamo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts DynamoDB requests per operation and the items they returned, for every client built
 * by {@link DynamoClients}. Tests and benchmarks read it to hold each endpoint to its budget
 * ("create booking ≤ 3 requests") and to show that reads stay O(answer) as history grows.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> REQUESTS = new ConcurrentHashMap<>();
    private static final LongAdder ITEMS_READ = new LongAdder();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        REQUESTS.computeIfAbsent(operation == null ? "?" : operation, k -> new LongAdder()).increment();
        ITEMS_READ.add(itemsIn(context.response()));
    }

    private static long itemsIn(SdkResponse response) {
        if (response instanceof QueryResponse q) {
            return q.count() == null ? 0 : q.count();
        }
        if (response instanceof ScanResponse s) {
            return s.scannedCount() == null ? 0 : s.scannedCount();
        }
        if (response instanceof GetItemResponse g) {
            return g.hasItem() && !g.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof BatchGetItemResponse b) {
            return b.responses().values().stream().mapToLong(List::size).sum();
        }
        return 0;
    }

    /** A point to measure from. */
    public static Snapshot snapshot() {
        return new Snapshot(counts(), ITEMS_READ.sum());
    }

    private static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        REQUESTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Requests and items since a snapshot (only meaningful when nothing else runs meanwhile). */
    public record Snapshot(Map<String, Long> requests, long itemsRead) {

        public Usage since() {
            Map<String, Long> now = counts();
            Map<String, Long> delta = new TreeMap<>();
            now.forEach((op, n) -> {
                long d = n - requests.getOrDefault(op, 0L);
                if (d > 0) {
                    delta.put(op, d);
                }
            });
            return new Usage(delta, ITEMS_READ.sum() - itemsRead);
        }
    }

    public record Usage(Map<String, Long> byOperation, long itemsRead) {

        public long total() {
            return byOperation.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(String operation) {
            return byOperation.getOrDefault(operation, 0L);
        }
    }
}
