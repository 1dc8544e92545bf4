package nl.spil.notifier.app;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled sweep: re-drives what the stream missed or left behind: PENDING items older
 * than the policy's pendingAge whose next try is due, and SENDING items whose lease ran out (an
 * invocation died between claiming and recording). Running it twice, or beside the stream
 * handler, sends nothing twice: every delivery starts with a conditional claim. While e-mail is
 * paused it leaves e-mails where they are and re-drives events only.
 */
public final class Sweeping {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeping.class);
    /** Items re-driven per run at most; the next run takes the rest. */
    public static final int MAX_PER_RUN = 500;

    private final OutboxLedger ledger;
    private final Dispatching dispatching;

    public Sweeping(OutboxLedger ledger, Dispatching dispatching) {
        this.ledger = ledger;
        this.dispatching = dispatching;
    }

    /** Counts per result, plus "found" and "errors". */
    public Map<String, Integer> sweep(BooleanSupplier timeLeft) {
        Delivering delivering = dispatching.delivering();
        Instant now = delivering.clock().instant();
        List<OutboxLedger.Due> due = ledger.due(now, now.minus(delivering.policy().pendingAge()), MAX_PER_RUN,
                delivering.pause().emailsPaused(now));
        Map<Delivering.Result, Integer> counts = new EnumMap<>(Delivering.Result.class);
        int errors = 0;
        for (Dispatching.Report report : dispatching.deliverAll(due.stream().map(OutboxLedger.Due::pk).toList(), timeLeft)) {
            if (report.failed()) {
                errors++;
            } else {
                counts.merge(report.result(), 1, Integer::sum);
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k.name().toLowerCase(Locale.ROOT), v));
        out.put("found", due.size());
        out.put("errors", errors);
        LOG.info("sweep: {}", out);
        return out;
    }
}
