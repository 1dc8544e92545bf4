package nl.spil.notifier.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.spil.notifier.Notifier;
import nl.spil.notifier.app.Dispatching;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.platform.outbox.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox table's stream → deliveries. A record is acted on when its new image is PENDING
 * and due (an INSERT, or a MODIFY that put an item back: a retry, an expired try); every other
 * record (the notifier's own SENDING/DONE/FAILED writes, removals by TTL) is ignored. The template
 * filters the same way, so most such records never even invoke the function.
 *
 * <p>Each record's pk goes to {@link Dispatching}; whatever failed unexpectedly (DynamoDB
 * throttled, the invocation running out of time) is returned as a batch item failure, so Lambda
 * gives it (and only what follows it) again; redelivered records are harmless, claims make them
 * no-ops.
 */
public class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHandler.class);
    /** No new delivery starts with less time left than this. */
    static final long MARGIN_MILLIS = 20_000;

    private final Notifier notifier;

    public StreamHandler() {
        this(Notifier.fromEnvironment());
    }

    public StreamHandler(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Instant now = notifier.dispatching().delivering().clock().instant();
        Map<String, String> sequenceByPk = new LinkedHashMap<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        int ignored = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String pk = actionable(record, now);
            if (pk == null) {
                ignored++;
            } else {
                sequenceByPk.putIfAbsent(pk, record.getDynamodb().getSequenceNumber());
            }
        }
        List<Dispatching.Report> reports = notifier.dispatching().deliverAll(new ArrayList<>(sequenceByPk.keySet()),
                () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Dispatching.Report report : reports) {
            if (report.failed()) {
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(sequenceByPk.get(report.pk())).build());
                LOG.warn("could not deliver {}: {}", report.pk(), report.error().toString());
                counts.merge("errors", 1, Integer::sum);
            } else {
                counts.merge(report.result().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        counts.put("ignored", ignored);
        LOG.info("stream batch of {} records: {}", records.size(), counts);
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The pk of a record that asks for a delivery now, else null. */
    static String actionable(DynamodbEvent.DynamodbStreamRecord record, Instant now) {
        if (record.getDynamodb() == null || "REMOVE".equals(record.getEventName())) {
            return null;
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        if (image == null || keys == null) {
            return null;
        }
        AttributeValue status = image.get(OutboxItems.STATUS);
        AttributeValue pk = keys.get(OutboxItems.PK);
        if (status == null || !OutboxStatus.PENDING.name().equals(status.getS())
                || pk == null || pk.getS() == null || !pk.getS().startsWith(OutboxItems.PK_PREFIX)) {
            return null;
        }
        AttributeValue next = image.get("nextAttemptAt");
        if (next != null && next.getN() != null) {
            try {
                if (Long.parseLong(next.getN()) > now.toEpochMilli()) {
                    return null; // waiting out a backoff: the sweep takes it when due
                }
            } catch (NumberFormatException e) {
                return pk.getS();
            }
        }
        return pk.getS();
    }
}
