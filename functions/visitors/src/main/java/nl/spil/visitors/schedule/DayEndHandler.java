package nl.spil.visitors.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.platform.schedule.ScheduledTime;
import nl.spil.visitors.app.CheckingOutAVisitor;

/**
 * The automatic sign-out (ScheduleV2, hourly): at each tick, every site whose day has ended in its
 * own zone signs out whoever is still checked in on that day or before. The tick is the
 * schedule's scheduled time, so a retried or late invocation acts as the tick it stands for, and
 * the same tick twice finds nobody left.
 */
public class DayEndHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    CheckingOutAVisitor checkingOut;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input, clock);
        CheckingOutAVisitor.DayEndReport report = checkingOut.signOutAtDayEnd(tick);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tick", tick.toString());
        out.put("sitesEnded", report.sitesEnded());
        out.put("signedOut", report.signedOut());
        return out;
    }
}
