package nl.spil.budget.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.budget.app.ReportingMonthly;
import nl.spil.platform.schedule.ScheduledTime;

/**
 * The monthly report schedule (EventBridge Scheduler, 07:00 on the 1st to the 4th in the
 * organisation's zone). The Input carries {@code <aws.scheduler.scheduled-time>}; the use case
 * decides from it whether the previous month's report is due and not yet sent.
 */
public class MonthlyReportHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ReportingMonthly reporting;

    /**
     * @param input {"scheduledTime": "2027-04-01T05:00:00Z"}
     * @return what the run did: {"scheduledTime", "month", "outcome", "emails", "objectKey"}
     */
    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input);
        ReportingMonthly.Run run = reporting.run(tick);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scheduledTime", tick.toString());
        result.put("month", run.month());
        result.put("outcome", run.outcome());
        result.put("emails", run.emails());
        run.objectKey().ifPresent(k -> result.put("objectKey", k));
        return result;
    }
}
