package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.spil.notifier.schedule.SweepHandler;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.Events;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/** The scheduled sweep: catches what the stream missed, and a second run of the same tick does nothing. */
class SweepTest {

    private static final NotifierHarness H = NotifierHarness.get();

    @SuppressWarnings("unchecked")
    @Test
    void theSchedulersEventReDrivesAMissedItemOnceAndASecondRunDoesNothing() {
        String to = NotifierHarness.uniqueAddress("missed");
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL)); // the stream never saw it
        Map<String, Object> tick = Events.load("notifier/sweep-schedule.json", Map.class);
        assertThat(tick).containsEntry("source", "aws.scheduler");
        SettableClock clock = SettableClock.aheadOfSystem(Duration.ZERO);

        // too young: the stream may still be on its way
        Map<String, Integer> early = new SweepHandler(H.notifier(clock)).handleRequest(tick, H.context("NotifierSweepFunction"));
        assertThat(H.status(item.pk())).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(10));
        SweepHandler sweep = new SweepHandler(H.notifier(clock));
        Map<String, Integer> first = sweep.handleRequest(tick, H.context("NotifierSweepFunction"));
        Map<String, Integer> second = sweep.handleRequest(tick, H.context("NotifierSweepFunction"));

        assertThat(early.get("errors")).isZero();
        assertThat(first.get("sent")).isPositive();
        assertThat(first.get("errors")).isZero();
        assertThat(H.status(item.pk())).isEqualTo("DONE");
        assertThat(second.getOrDefault("sent", 0)).isZero();
        assertThat(H.sentTo(to)).hasSize(1);
    }
}
