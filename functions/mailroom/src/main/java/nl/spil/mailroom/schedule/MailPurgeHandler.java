package nl.spil.mailroom.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.mailroom.app.PurgingMail;
import nl.spil.platform.schedule.ScheduledTime;

/** The daily purge's entry point: items (and their files) past their site's keeping days are deleted. */
public class MailPurgeHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    PurgingMail purging;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input, clock);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduledTime", tick.toString());
        out.put("itemsDeleted", purging.run(tick));
        return out;
    }
}
