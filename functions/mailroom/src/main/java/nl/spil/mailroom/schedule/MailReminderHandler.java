package nl.spil.mailroom.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.mailroom.app.RemindingRecipients;
import nl.spil.platform.schedule.ScheduledTime;

/**
 * The reminder schedule's entry point, invoked hourly by EventBridge Scheduler (template.yaml).
 * The scheduled time, not the moment of invocation, decides which sites are at or past 09:00 in
 * their own zone, so a retried or late tick acts as its own hour would have.
 */
public class MailReminderHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    RemindingRecipients reminding;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input, clock);
        RemindingRecipients.Report report = reminding.run(tick);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduledTime", tick.toString());
        out.put("sitesDue", report.sitesDue());
        out.put("itemsReminded", report.itemsReminded());
        out.put("itemsListedForReturn", report.itemsListedForReturn());
        out.put("emailsQueued", report.emailsQueued());
        return out;
    }
}
