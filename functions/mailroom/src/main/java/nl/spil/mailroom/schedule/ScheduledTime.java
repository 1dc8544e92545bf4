package nl.spil.mailroom.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The tick an EventBridge Scheduler invocation is for ({@code {"scheduledTime": "…"}}), or now when invoked by hand. */
final class ScheduledTime {

    private ScheduledTime() {
    }

    static Instant of(Map<String, Object> input, Clock clock) {
        Object raw = input == null ? null : input.get("scheduledTime");
        if (raw instanceof String s && !s.isBlank()) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant such as 2027-03-29T07:00:00Z: " + s);
            }
        }
        return clock.instant();
    }
}
