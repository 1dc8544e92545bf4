package nl.spil.notifier;

import static nl.spil.notifier.Faults.Fault.REJECT;
import static nl.spil.notifier.Faults.Fault.SERVER_ERROR;
import static nl.spil.notifier.Faults.Fault.THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.notifier.schedule.SweepHandler;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.platform.outbox.OutboxStatus;
import nl.spil.testkit.Events;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SES misbehaving (throttling, 5xx, refusals): every item ends sent once or failed with a reason. */
class FaultsTest {

    private static final NotifierHarness H = NotifierHarness.get();
    private final StreamHandler handler = new StreamHandler(H.notifier(Clock.systemUTC()));

    private OutboxItem.Email deliverWithFaults(String to, Faults.Fault... faults) {
        H.faults.plan(to, faults);
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL));
        assertThat(handler.handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN))
                .getBatchItemFailures()).isEmpty();
        return item;
    }

    @Test
    void aThrottlingSpellIsRiddenOutWithBackoffWithinOneTry() {
        String to = NotifierHarness.uniqueAddress("throttled");
        RecordedOutcomes.Mark mark = H.outcomes.mark();
        OutboxItem.Email item = deliverWithFaults(to, THROTTLE, THROTTLE);
        assertThat(mark.since()).isEqualTo(Map.of(Outcome.MAIL_SENT, 1L));

        assertThat(H.status(item.pk())).isEqualTo("DONE");
        assertThat(H.item(item.pk()).get("attempts").n()).isEqualTo("1");
        assertThat(H.faults.calls(to)).isEqualTo(3);
        assertThat(H.sentTo(to)).hasSize(1);
    }

    @Test
    void aServerErrorIsRetried() {
        String to = NotifierHarness.uniqueAddress("fivehundred");
        OutboxItem.Email item = deliverWithFaults(to, SERVER_ERROR);

        assertThat(H.status(item.pk())).isEqualTo("DONE");
        assertThat(H.sentTo(to)).hasSize(1);
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithItsReasonAndNoAddress() {
        String to = NotifierHarness.uniqueAddress("refused");
        RecordedOutcomes.Mark mark = H.outcomes.mark();
        OutboxItem.Email item = deliverWithFaults(to, REJECT);
        assertThat(mark.since()).isEqualTo(Map.of(Outcome.MAIL_FAILED, 1L));

        Map<String, AttributeValue> stored = H.item(item.pk());
        assertThat(stored.get("status").s()).isEqualTo("FAILED");
        assertThat(stored.get("attempts").n()).isEqualTo("1");
        assertThat(stored.get("lastError").s()).startsWith("MessageRejected (400)").doesNotContain(to).contains("rcpt-");
        assertThat(stored.get("gsi1pk").s()).isEqualTo(OutboxStatus.FAILED.gsiKey(item.pk()));
        long inThirtyDays = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(Long.parseLong(stored.get("expiresAt").n())).as("a failed item expires too")
                .isBetween(inThirtyDays - 600, inThirtyDays + 600);
        assertThat(H.faults.calls(to)).isEqualTo(1);
        assertThat(H.sentTo(to)).isEmpty();
    }

    @Test
    void anUnverifiedSenderIsRefusedByTheLocalSesAndFails() {
        String to = NotifierHarness.uniqueAddress("sandbox");
        var notifier = H.notifier(Clock.systemUTC(), Map.of("SENDER_EMAIL", "unverified@example.net"));
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.EN));

        new StreamHandler(notifier).handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));

        Map<String, AttributeValue> stored = H.item(item.pk());
        assertThat(stored.get("status").s()).isEqualTo("FAILED");
        assertThat(stored.get("lastError").s()).contains("MessageRejected").doesNotContain("unverified@example.net");
        assertThat(H.sentTo(to)).isEmpty();
    }

    @Test
    void aMalformedRecipientInTheTableFailsWithoutASend() {
        String to = NotifierHarness.uniqueAddress("malformed");
        OutboxItem.Email item = H.outbox().newEmail(NotifierHarness.message(to, Language.NL), null);
        Map<String, AttributeValue> raw = new HashMap<>(OutboxItems.toItem(item));
        raw.put("toAddress", AttributeValue.fromS("Zoë <zoe@example.org>\r\nBcc: all@example.org"));
        H.dynamo.putItem(b -> b.tableName(H.table()).item(raw));

        handler.handleRequest(H.records("INSERT", List.of(raw)), H.context(NotifierHarness.STREAM_FN));

        Map<String, AttributeValue> stored = H.item(item.pk());
        assertThat(stored.get("status").s()).isEqualTo("FAILED");
        assertThat(stored.get("lastError").s()).startsWith("unreadable outbox item").doesNotContain("zoe@example.org");
    }

    @Test
    void throttledForADayItIsTriedByTheSweepThenFailsAndIsRetryable() {
        String to = NotifierHarness.uniqueAddress("outage");
        H.faults.always(to, THROTTLE);
        SettableClock clock = SettableClock.aheadOfSystem(Duration.ZERO);
        var notifier = H.notifier(clock);
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL));

        aThrottledTryLeavesItPendingForTheSweep(notifier, clock, item);
        int tries = theSweepTriesItUntilItIsADayOld(notifier, clock, item, to);
        whenSesRecoversTheOfficeManagersRetryDeliversItOnce(notifier, item, to, tries);
    }

    private void aThrottledTryLeavesItPendingForTheSweep(Notifier notifier, SettableClock clock, OutboxItem.Email item) {
        new StreamHandler(notifier).handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));
        Map<String, AttributeValue> pending = H.item(item.pk());
        assertThat(pending.get("status").s()).isEqualTo("PENDING");
        assertThat(pending.get("lastError").s()).startsWith("TooManyRequestsException (429)");
        assertThat(Long.parseLong(pending.get("nextAttemptAt").n())).isGreaterThan(clock.millis());
        // the stream sees its own release (MODIFY to PENDING with nextAttemptAt ahead) and leaves it
        new StreamHandler(notifier).handleRequest(H.modifies(List.of(item.pk())), H.context(NotifierHarness.STREAM_FN));
        assertThat(H.item(item.pk()).get("attempts").n()).isEqualTo("1");
    }

    private int theSweepTriesItUntilItIsADayOld(Notifier notifier, SettableClock clock, OutboxItem.Email item, String to) {
        SweepHandler sweep = new SweepHandler(notifier);
        Duration elapsed = Duration.ZERO;
        while (!H.status(item.pk()).equals("FAILED") && elapsed.compareTo(Duration.ofHours(30)) < 0) {
            clock.advance(Duration.ofHours(2));
            elapsed = elapsed.plus(Duration.ofHours(2));
            sweep.handleRequest(Map.of(), H.context("NotifierSweepFunction"));
            if (elapsed.compareTo(NotifierHarness.POLICY.maxAge()) < 0) {
                assertThat(H.status(item.pk())).as("still within a day after " + elapsed).isEqualTo("PENDING");
            }
        }
        Map<String, AttributeValue> failed = H.item(item.pk());
        assertThat(failed.get("status").s()).isEqualTo("FAILED");
        int tries = Integer.parseInt(failed.get("attempts").n());
        assertThat(tries).as("tried on every sweep for a day, not 5 times").isGreaterThan(10);
        assertThat(failed.get("lastError").s()).startsWith("gave up after " + tries + " tries over 24 h: TooManyRequestsException");
        assertThat(H.faults.calls(to)).isEqualTo(tries * NotifierHarness.POLICY.callsPerTry());
        assertThat(H.sentTo(to)).isEmpty();
        return tries;
    }

    private void whenSesRecoversTheOfficeManagersRetryDeliversItOnce(Notifier notifier, OutboxItem.Email item, String to,
                                                                       int tries) {
        H.faults.clear(to);
        String key = item.pk().substring("OUTBOX#".length());
        var answer = H.http().send(Events.http("notifier/retry.json")
                .path("/notifications/" + key + "/retry").pathParameter("id", key));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(H.status(item.pk())).isEqualTo("PENDING");
        assertThat(H.item(item.pk())).doesNotContainKey("expiresAt");
        new StreamHandler(notifier).handleRequest(H.modifies(List.of(item.pk())), H.context(NotifierHarness.STREAM_FN));
        assertThat(H.status(item.pk())).as("its day counts from the retry").isEqualTo("DONE");
        assertThat(H.sentTo(to)).hasSize(1);
        assertThat(H.faults.calls(to)).isEqualTo(tries * NotifierHarness.POLICY.callsPerTry() + 1);
    }
}
