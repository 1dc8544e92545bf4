package nl.spil.stock.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.stock.app.RemindingToReorder;

/**
 * The reorder reminder's Lambda entry point, invoked by EventBridge Scheduler with
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}} (template.yaml). The scheduled time,
 * not the moment of invocation, decides which sites are at 08:00 on a working day, so a retried
 * or late invocation reminds the same sites, and the outbox's dedupe keys make it send nothing
 * twice. It runs every hour of every day: each site is reminded at 08:00 in its own zone on its
 * own working days.
 */
public class ReorderReminderHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    RemindingToReorder reminding;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = scheduledTime(input);
        RemindingToReorder.Report report = reminding.run(tick);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduledTime", tick.toString());
        out.put("sitesDue", report.sitesDue());
        out.put("sitesReminded", report.sitesReminded());
        out.put("emailsQueued", report.emailsQueued());
        out.put("sitesAlreadyReminded", report.sitesAlreadyReminded());
        out.put("recipientsSkipped", report.recipientsSkipped());
        out.put("sitesFailed", report.sitesFailed());
        if (report.sitesFailed() > 0) {
            // the other sites were reminded; failing the run makes the scheduler try again (and the
            // dedupe keys send only what is missing) and shows on its failure destination
            throw new IllegalStateException("reorder reminder: " + report.sitesFailed() + " site(s) failed: " + out);
        }
        return out;
    }

    private Instant scheduledTime(Map<String, Object> input) {
        Object raw = input == null ? null : input.get("scheduledTime");
        if (raw instanceof String s && !s.isBlank()) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant such as 2027-03-29T06:00:00Z: " + s);
            }
        }
        return clock.instant(); // invoked by hand
    }
}
