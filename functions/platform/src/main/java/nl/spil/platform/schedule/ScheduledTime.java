package nl.spil.platform.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The tick an EventBridge Scheduler invocation stands for. The template gives every schedule the
 * Input {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}, so a retried or late
 * invocation acts as the tick it is for, not as the moment it happens to run.
 */
public final class ScheduledTime {

    private ScheduledTime() {
    }

    /**
     * The scheduled time the Input carries.
     *
     * @throws IllegalArgumentException when it carries none, or no ISO-8601 instant
     */
    public static Instant of(Map<String, Object> input) {
        return read(input).orElseThrow(() -> new IllegalArgumentException("the schedule's Input must carry scheduledTime"));
    }

    /**
     * The scheduled time the Input carries, or the clock's now for an invocation by hand without one.
     *
     * @throws IllegalArgumentException when it carries one that is no ISO-8601 instant
     */
    public static Instant of(Map<String, Object> input, Clock clock) {
        return read(input).orElseGet(clock::instant);
    }

    private static Optional<Instant> read(Map<String, Object> input) {
        Object raw = input == null ? null : input.get("scheduledTime");
        if (!(raw instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant such as 2027-03-29T07:00:00Z: " + s, e);
        }
    }
}
