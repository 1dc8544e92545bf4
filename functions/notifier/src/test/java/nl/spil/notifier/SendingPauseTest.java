package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.spil.notifier.schedule.SweepHandler;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SES says the account cannot send: the notifier stops claiming e-mail (the backlog waits
 * PENDING, nothing fails, SES is not hammered), events still go, and when the pause is over the
 * sweep sends every e-mail once.
 */
class SendingPauseTest {

    private static final NotifierHarness H = NotifierHarness.get();

    @AfterEach
    void endThePause() {
        // the pause is shared through the table: other tests must not find it
        H.dynamo.deleteItem(b -> b.tableName(H.table())
                .key(Map.of("pk", AttributeValue.fromS("PAUSE#SES"), "sk", AttributeValue.fromS("OUTBOX"))));
    }

    @Test
    void aPausedAccountHoldsTheEmailBacklogUntilThePauseIsOverAndFailsNothing() {
        assertPausedBy(Faults.Fault.SENDING_PAUSED);
    }

    @Test
    void aSpentDailyQuotaPausesTheSameWay() {
        assertPausedBy(Faults.Fault.DAILY_QUOTA);
    }

    private void assertPausedBy(Faults.Fault fault) {
        SettableClock clock = SettableClock.aheadOfSystem(Duration.ZERO);
        String first = NotifierHarness.uniqueAddress("first");
        String second = NotifierHarness.uniqueAddress("second");
        H.faults.plan(first, fault);
        OutboxItem.Email refused = H.enqueue(NotifierHarness.message(first, Language.NL));

        new StreamHandler(H.notifier(clock)).handleRequest(H.inserts(List.of(refused)), H.context(NotifierHarness.STREAM_FN));
        Map<String, AttributeValue> held = H.item(refused.pk());
        assertThat(held.get("status").s()).as("not failed: the account, not the e-mail, is the problem").isEqualTo("PENDING");
        assertThat(Long.parseLong(held.get("nextAttemptAt").n())).isGreaterThan(clock.millis() + Duration.ofMinutes(14).toMillis());
        assertThat(H.faults.calls(first)).as("no retries against a paused account").isEqualTo(1);

        OutboxItem.Email waiting = H.enqueue(NotifierHarness.message(second, Language.EN));
        OutboxItem.Event event = H.enqueueEvent("PurchaseOrderSent", "{\"orderId\":\"po-9\"}");
        new StreamHandler(H.notifier(clock)).handleRequest(H.inserts(List.of(waiting, event)), H.context(NotifierHarness.STREAM_FN));
        assertThat(H.status(waiting.pk())).isEqualTo("PENDING");
        assertThat(H.item(waiting.pk()).get("attempts").n()).as("not even claimed").isEqualTo("0");
        assertThat(H.faults.calls(second)).isZero();
        assertThat(H.status(event.pk())).as("events do not need SES").isEqualTo("DONE");

        clock.advance(Duration.ofMinutes(5));
        new SweepHandler(H.notifier(clock)).handleRequest(Map.of(), H.context("NotifierSweepFunction"));
        assertThat(H.status(waiting.pk())).as("the sweep leaves e-mail alone while paused").isEqualTo("PENDING");
        assertThat(H.faults.calls(second)).isZero();

        clock.advance(Duration.ofMinutes(15));
        new SweepHandler(H.notifier(clock)).handleRequest(Map.of(), H.context("NotifierSweepFunction"));
        assertThat(H.status(refused.pk())).isEqualTo("DONE");
        assertThat(H.status(waiting.pk())).isEqualTo("DONE");
        assertThat(H.sentTo(first)).hasSize(1);
        assertThat(H.sentTo(second)).hasSize(1);
    }
}
