package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.localkit.LocalAws;
import nl.spil.notifier.schedule.SweepHandler;
import nl.spil.notifier.store.DynamoOutboxLedger;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/** Duplicate stream batches, concurrent sweeps and a crash in the middle never send anything twice. */
class ConcurrencyTest {

    private static final NotifierHarness H = NotifierHarness.get();

    @Test
    void theSameBatchTwiceAtOnceWithTwoSweepsBesideItSendsEachMailExactlyOnce() throws Exception {
        List<OutboxItem.Email> items = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = NotifierHarness.uniqueAddress("race" + i);
            recipients.add(to);
            if (i % 5 == 0) {
                H.faults.plan(to, Faults.Fault.THROTTLE); // some need a second call: a longer window for races
            }
            items.add(H.enqueue(NotifierHarness.message(to, Language.NL)));
        }
        DynamodbEvent batch = H.inserts(items);
        // the sweep runs "4 minutes later": items look old enough to re-drive, leases are still valid
        Clock later = SettableClock.aheadOfSystem(Duration.ofMinutes(4));
        List<Callable<Object>> work = List.of(
                () -> new StreamHandler(H.notifier(Clock.systemUTC())).handleRequest(batch, H.context(NotifierHarness.STREAM_FN)),
                () -> new StreamHandler(H.notifier(Clock.systemUTC())).handleRequest(batch, H.context(NotifierHarness.STREAM_FN)),
                () -> new SweepHandler(H.notifier(later)).handleRequest(Map.of(), H.context("NotifierSweepFunction")),
                () -> new SweepHandler(H.notifier(later)).handleRequest(Map.of(), H.context("NotifierSweepFunction")));
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Object> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // and the same batch once more, late
        new StreamHandler(H.notifier(Clock.systemUTC())).handleRequest(batch, H.context(NotifierHarness.STREAM_FN));

        List<LocalAws.SentEmail> sent = H.aws.sentEmails();
        for (int i = 0; i < items.size(); i++) {
            String to = recipients.get(i);
            assertThat(H.status(items.get(i).pk())).as(to).isEqualTo("DONE");
            assertThat(sent.stream().filter(m -> m.destinations().contains(to)).count()).as(to).isEqualTo(1);
        }
    }

    @Test
    void anItemWhoseSenderCrashedAfterClaimingIsSentByTheSweepOnceTheLeaseRunsOut() {
        String to = NotifierHarness.uniqueAddress("crash");
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.EN));
        // an invocation claims it and dies (nothing recorded, nothing sent)
        DynamoOutboxLedger ledger = new DynamoOutboxLedger(H.dynamo, H.table());
        Instant now = Instant.now();
        assertThat(ledger.claim(item.pk(), "crashed-invocation", now, now.plus(NotifierHarness.POLICY.lease()), false)).isPresent();
        assertThat(H.status(item.pk())).isEqualTo("SENDING");

        // the stream delivering the same record again does nothing: the lease holds
        new StreamHandler(H.notifier(Clock.systemUTC())).handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));
        // a sweep before the lease ran out does nothing either
        new SweepHandler(H.notifier(SettableClock.aheadOfSystem(Duration.ofMinutes(4)))).handleRequest(Map.of(), H.context("NotifierSweepFunction"));
        assertThat(H.status(item.pk())).isEqualTo("SENDING");
        assertThat(H.sentTo(to)).isEmpty();

        // the first sweep after it ran out takes it over
        new SweepHandler(H.notifier(SettableClock.aheadOfSystem(Duration.ofMinutes(6)))).handleRequest(Map.of(), H.context("NotifierSweepFunction"));
        assertThat(H.status(item.pk())).isEqualTo("DONE");
        assertThat(H.item(item.pk()).get("attempts").n()).isEqualTo("2");
        assertThat(H.sentTo(to)).hasSize(1);
        // and the crashed invocation, were it to come back, can record nothing
        assertThat(ledger.markSent(item.pk(), "crashed-invocation", now, "late", now)).isFalse();
    }
}
