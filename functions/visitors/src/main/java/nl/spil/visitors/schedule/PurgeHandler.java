package nl.spil.visitors.schedule;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.platform.schedule.ScheduledTime;
import nl.spil.visitors.app.ProtectingPrivacy;

/**
 * The daily purge (ScheduleV2): removes visits past their site's retention that DynamoDB's TTL
 * has not deleted yet (TTL can lag by days), with every e-mail naming them, and block-list
 * entries past their day. Twice the same day removes nothing more.
 */
public class PurgeHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    ProtectingPrivacy privacy;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Instant tick = ScheduledTime.of(input, clock);
        ProtectingPrivacy.Purge purge = privacy.purge(tick);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tick", tick.toString());
        out.put("visits", purge.visits());
        out.put("blockListEntries", purge.blockListEntries());
        return out;
    }
}
