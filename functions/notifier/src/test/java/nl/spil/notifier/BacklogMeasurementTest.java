package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The closing measurement: a backlog of 1,000 outbox e-mails delivered through the stream handler
 * in batches of 50 (the template's BatchSize, one shard: batches one after another), against the
 * local AWS. Prints e-mails per second and DynamoDB requests per delivered item; asserts only what
 * must hold (every mail once, two writes and one directory read per item, the pause read at most
 * every 30 s), never a time.
 */
class BacklogMeasurementTest {

    private static final NotifierHarness H = NotifierHarness.get();
    static final int BACKLOG = 1000;
    static final int BATCH = 50;

    @Test
    void aBacklogOfAThousandMails() {
        measure(BACKLOG, H.notifier(Clock.systemUTC()), "8 in flight");
    }

    /** The same with one delivery at a time, to show what the concurrency inside one invocation buys. */
    @Test
    void twoHundredMailsOneAtATime() {
        measure(200, H.notifier(Clock.systemUTC(), Map.of("DELIVERY_CONCURRENCY", "1")), "1 in flight");
    }

    private void measure(int backlog, Notifier notifier, String label) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<OutboxItem.Email> items = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            items.add(H.outbox().newEmail(NotifierHarness.message("backlog-" + run + "-" + i + "@example.org",
                    i % 2 == 0 ? Language.NL : Language.EN), null));
        }
        for (int from = 0; from < backlog; from += 25) {
            List<WriteRequest> writes = items.subList(from, from + 25).stream()
                    .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(OutboxItems.toItem(i)).build()).build())
                    .toList();
            H.dynamo.batchWriteItem(b -> b.requestItems(Map.of(H.table(), writes)));
        }
        StreamHandler handler = new StreamHandler(notifier);
        handler.handleRequest(H.inserts(items.subList(0, 5)), H.context(NotifierHarness.STREAM_FN)); // warm up JIT and connections

        RequestCounter.Snapshot before = RequestCounter.snapshot();
        long start = System.nanoTime();
        int failures = 0;
        for (int from = 5; from < backlog; from += BATCH) {
            StreamsEventResponse r = handler.handleRequest(H.inserts(items.subList(from, Math.min(backlog, from + BATCH))),
                    H.context(NotifierHarness.STREAM_FN));
            failures += r.getBatchItemFailures().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RequestCounter.Usage usage = before.since();
        int delivered = backlog - 5;

        System.out.printf("notifier backlog (%s): %d e-mails delivered in %.2f s%n", label, delivered, seconds);
        System.out.printf("notifier e-mails per second (%s): %.1f%n", label, delivered / seconds);
        System.out.printf("notifier DynamoDB requests per delivered item (%s): %.2f %s%n", label,
                (double) usage.total() / delivered, usage.byOperation());

        assertThat(failures).isZero();
        assertThat(usage.of("UpdateItem")).isEqualTo(2L * delivered);
        // reads: the directory's mark on each recipient's address (one GetItem per e-mail), and the
        // shared e-mail pause once per 30 s of the warm function
        assertThat(usage.of("GetItem") - delivered).isBetween(0L, (long) (seconds / 30) + 1);
        assertThat(usage.total()).isEqualTo(2L * delivered + usage.of("GetItem"));
        Set<String> recipients = H.aws.sentEmails().stream().flatMap(m -> m.destinations().stream())
                .filter(d -> d.startsWith("backlog-" + run + "-")).collect(Collectors.toList()).stream()
                .collect(Collectors.toSet());
        long sentCount = H.aws.sentEmails().stream().flatMap(m -> m.destinations().stream())
                .filter(d -> d.startsWith("backlog-" + run + "-")).count();
        assertThat(recipients).hasSize(backlog);
        assertThat(sentCount).isEqualTo(backlog);
    }
}
