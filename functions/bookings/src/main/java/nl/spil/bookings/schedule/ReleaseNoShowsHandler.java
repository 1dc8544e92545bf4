package nl.spil.bookings.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.bookings.app.ReleasingNoShows;
import nl.spil.platform.schedule.ScheduledTime;

/**
 * The no-show schedule (EventBridge Scheduler, every 5 minutes, Europe/Amsterdam). The
 * schedule's Input carries {@code <aws.scheduler.scheduled-time>}, so a tick is identified by
 * its scheduled time: bookings whose check-in window closed by then are released. Running the
 * same tick again releases nothing more (see {@link ReleasingNoShows}).
 */
public class ReleaseNoShowsHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ReleasingNoShows releasing;

    /**
     * @param input the schedule's Input, {"scheduledTime": "2027-03-29T08:15:00Z"} (a plain map, which
     *              the Lambda runtime reads without any binding)
     * @return what the tick did: {"tick", "due", "released"}
     */
    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input);
        ReleasingNoShows.Report report = releasing.release(tick);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tick", tick.toString());
        result.put("due", report.due());
        result.put("released", report.released());
        return result;
    }
}
