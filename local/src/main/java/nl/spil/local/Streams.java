package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.event.ruler.Machine;

/**
 * The template's {@code DynamoDB} events as Lambda's event source mapping runs them: the table's
 * stream polled (4 times a second), records batched up to {@code BatchSize}, filtered by
 * {@code FilterCriteria} (event-ruler), delivered as a DynamodbEvent; a failed batch is retried
 * ({@code MaximumRetryAttempts}, default: until it succeeds), with {@code ReportBatchItemFailures}
 * from the first failed record.
 */
final class Streams implements AutoCloseable {

    private final List<Thread> pollers = new ArrayList<>();
    private final DynamoDbStreamsClient client;
    private volatile boolean closed;

    Streams(Template template, Resolver resolver, Map<String, LocalFunction> functions, LocalAws aws, PrintStream out) {
        this.client = DynamoDbStreamsClient.builder().endpointOverride(aws.endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        for (String f : template.functions()) {
            template.events(f).forEach((eventId, e) -> {
                if (!"DynamoDB".equals(e.get("Type"))) {
                    return;
                }
                Map<?, ?> p = (Map<?, ?>) resolver.resolve(e.get("Properties"));
                if (p.get("Enabled") != null && !Boolean.parseBoolean(p.get("Enabled").toString())) {
                    return;
                }
                String arn = String.valueOf(p.get("Stream"));
                int batch = p.get("BatchSize") == null ? 100 : Integer.parseInt(p.get("BatchSize").toString());
                int retries = p.get("MaximumRetryAttempts") == null ? -1 : Integer.parseInt(p.get("MaximumRetryAttempts").toString());
                boolean partial = p.get("FunctionResponseTypes") instanceof List<?> l && l.contains("ReportBatchItemFailures");
                String start = p.get("StartingPosition") == null ? "TRIM_HORIZON" : p.get("StartingPosition").toString();
                Machine filter = null;
                if (p.get("FilterCriteria") instanceof Map<?, ?> fc && fc.get("Filters") instanceof List<?> filters) {
                    filter = new Machine();
                    int i = 0;
                    for (Object o : filters) {
                        try {
                            filter.addRule("f" + i++, ((Map<?, ?>) o).get("Pattern").toString());
                        } catch (Exception ex) {
                            throw new LocalCloud.CannotStart("template.yaml: " + f + " event " + eventId
                                    + " has a FilterCriteria Pattern the local cloud cannot read: " + ex.getMessage());
                        }
                    }
                }
                Machine rules = filter;
                Thread t = new Thread(() -> poll(f, eventId, arn, start, batch, retries, partial, rules,
                        functions.get(f), out), "stream-" + f + "-" + eventId);
                t.setDaemon(true);
                pollers.add(t);
            });
        }
        pollers.forEach(Thread::start);
    }

    private void poll(String f, String eventId, String arn, String start, int batchSize, int maxRetries, boolean partial,
                      Machine filter, LocalFunction fn, PrintStream out) {
        try {
            List<Shard> shards = client.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
            // one shard locally (moto); follow the last one
            String shardId = shards.get(shards.size() - 1).shardId();
            String iterator = client.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.fromValue(start))).shardIterator();
            List<Record> pending = new ArrayList<>();
            int attempts = 0;
            while (!closed) {
                if (pending.isEmpty()) {
                    String it = iterator;
                    GetRecordsResponse r = client.getRecords(b -> b.shardIterator(it).limit(1000));
                    iterator = r.nextShardIterator();
                    for (Record rec : r.records()) {
                        ObjectNode json = record(rec, arn);
                        if (filter == null || matches(filter, json)) {
                            pending.add(rec);
                        }
                    }
                    if (pending.isEmpty()) {
                        Thread.sleep(250);
                        continue;
                    }
                }
                List<Record> batch = pending.subList(0, Math.min(batchSize, pending.size()));
                ObjectNode event = Json.object();
                ArrayNode records = event.putArray("Records");
                batch.forEach(rec -> records.add(record(rec, arn)));
                LocalFunction.Result result = fn.invoke(Json.write(event));
                String failedFrom = null;
                if (!result.error() && partial) {
                    JsonNode failures = Json.read(result.body()).path("batchItemFailures");
                    if (failures.isArray() && !failures.isEmpty()) {
                        failedFrom = failures.get(0).path("itemIdentifier").asText();
                    }
                }
                if (!result.error() && failedFrom == null) {
                    batch.clear();
                    attempts = 0;
                    continue;
                }
                attempts++;
                if (maxRetries >= 0 && attempts > maxRetries) {
                    out.println("stream " + f + "/" + eventId + ": batch dropped after " + attempts + " attempts: " + result.body());
                    batch.clear();
                    attempts = 0;
                    continue;
                }
                if (failedFrom != null) {
                    String seq = failedFrom;
                    int idx = 0;
                    while (idx < batch.size() && !batch.get(idx).dynamodb().sequenceNumber().equals(seq)) {
                        idx++;
                    }
                    batch.subList(0, Math.min(idx, batch.size())).clear();
                }
                Thread.sleep(Math.min(30_000, 500L << Math.min(attempts, 6)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                out.println("stream " + f + "/" + eventId + " stopped: " + e.getMessage());
            }
        }
    }

    private static boolean matches(Machine filter, ObjectNode record) {
        try {
            return !filter.rulesForJSONEvent(Json.write(record)).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static ObjectNode record(Record rec, String arn) {
        ObjectNode r = Json.object();
        r.put("eventID", rec.eventID());
        r.put("eventName", rec.eventNameAsString());
        r.put("eventVersion", rec.eventVersion() == null ? "1.1" : rec.eventVersion());
        r.put("eventSource", "aws:dynamodb");
        r.put("awsRegion", rec.awsRegion() == null ? LocalAws.REGION : rec.awsRegion());
        ObjectNode d = r.putObject("dynamodb");
        var s = rec.dynamodb();
        if (s.approximateCreationDateTime() != null) {
            d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        if (s.hasKeys()) {
            d.set("Keys", item(s.keys()));
        }
        if (s.hasNewImage()) {
            d.set("NewImage", item(s.newImage()));
        }
        if (s.hasOldImage()) {
            d.set("OldImage", item(s.oldImage()));
        }
        d.put("SequenceNumber", s.sequenceNumber());
        if (s.sizeBytes() != null) {
            d.put("SizeBytes", s.sizeBytes());
        }
        if (s.streamViewTypeAsString() != null) {
            d.put("StreamViewType", s.streamViewTypeAsString());
        }
        r.put("eventSourceARN", arn);
        return r;
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode o = Json.object();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private static JsonNode value(AttributeValue v) {
        ObjectNode o = Json.object();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", v.b().asByteArray());
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case BS -> v.bs().stream().map(SdkBytes::asByteArray).forEach(o.putArray("BS")::add);
            case L -> {
                ArrayNode l = o.putArray("L");
                v.l().forEach(x -> l.add(value(x)));
            }
            case M -> {
                ObjectNode m = o.putObject("M");
                v.m().forEach((k, x) -> m.set(k, value(x)));
            }
            default -> o.putNull("NULL");
        }
        return o;
    }

    @Override
    public void close() {
        closed = true;
        pollers.forEach(Thread::interrupt);
        client.close();
    }
}
