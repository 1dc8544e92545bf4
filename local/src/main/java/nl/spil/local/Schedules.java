package nl.spil.local;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;

/**
 * The template's {@code ScheduleV2} events, as EventBridge Scheduler runs them: {@code cron(...)}
 * (AWS cron: Quartz without seconds) in {@code ScheduleExpressionTimezone}, {@code rate(n unit)} and
 * {@code at(...)}; the target gets {@code Input} with the {@code <aws.scheduler.*>} context
 * attributes filled in. Each can also be fired by hand.
 */
final class Schedules implements AutoCloseable {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minutes?|hours?|days?)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    /** One ScheduleV2 event. */
    record Schedule(String functionId, String eventId, String expression, ZoneId zone, String input, boolean enabled) {
        String name() {
            return functionId + "/" + eventId;
        }

        /** The next time it fires strictly after {@code after}, or empty. */
        Optional<ZonedDateTime> next(ZonedDateTime after) {
            Matcher m;
            if ((m = CRON.matcher(expression)).matches()) {
                ExecutionTime t = ExecutionTime.forCron(QUARTZ.parse("0 " + m.group(1).trim()));
                return t.nextExecution(after.withZoneSameInstant(zone));
            }
            if ((m = RATE.matcher(expression)).matches()) {
                long n = Long.parseLong(m.group(1));
                ChronoUnit unit = m.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                        : m.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
                return Optional.of(after.plus(n, unit));
            }
            if ((m = AT.matcher(expression)).matches()) {
                ZonedDateTime at = LocalDateTime.parse(m.group(1)).atZone(zone);
                return at.isAfter(after) ? Optional.of(at) : Optional.empty();
            }
            throw new LocalCloud.CannotStart("template.yaml: " + functionId + " event " + eventId
                    + " has ScheduleExpression " + expression + ", which the local cloud does not understand");
        }
    }

    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions;
    private final PrintStream out;
    private final ScheduledExecutorService timer;

    Schedules(Template template, Resolver resolver, Map<String, LocalFunction> functions, PrintStream out) {
        this.functions = functions;
        this.out = out;
        for (String f : template.functions()) {
            template.events(f).forEach((eventId, e) -> {
                if (!"ScheduleV2".equals(e.get("Type"))) {
                    return;
                }
                Object resolved = resolver.resolve(e.get("Properties"));
                Map<?, ?> p = resolved instanceof Map<?, ?> m ? m : Map.of();
                String expression = String.valueOf(p.get("ScheduleExpression")).trim();
                ZoneId zone = p.get("ScheduleExpressionTimezone") == null ? ZoneOffset.UTC
                        : ZoneId.of(p.get("ScheduleExpressionTimezone").toString());
                String input = p.get("Input") == null ? "{}" : p.get("Input") instanceof String s ? s : Json.write(p.get("Input"));
                boolean enabled = p.get("State") == null || !"DISABLED".equalsIgnoreCase(p.get("State").toString());
                Schedule s = new Schedule(f, eventId, expression, zone, input, enabled);
                s.next(ZonedDateTime.now(zone)); // fails now on an expression it cannot read
                schedules.put(s.name(), s);
            });
        }
        timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "schedules");
            t.setDaemon(true);
            return t;
        });
        for (Schedule s : schedules.values()) {
            if (s.enabled()) {
                plan(s, ZonedDateTime.now(s.zone()));
            }
        }
    }

    private void plan(Schedule s, ZonedDateTime after) {
        s.next(after).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            timer.schedule(() -> {
                Thread worker = new Thread(() -> {
                    LocalFunction.Result r = invoke(s, at);
                    out.println("schedule " + s.name() + " fired for " + at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            + (r.error() ? ": failed " + r.body() : ""));
                }, "schedule-" + s.name());
                worker.setDaemon(true);
                worker.start();
                plan(s, at);
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    private LocalFunction.Result invoke(Schedule s, ZonedDateTime scheduled) {
        String time = scheduled.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z");
        String arn = "arn:aws:scheduler:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":schedule/default/" + s.functionId()
                + s.eventId();
        String payload = s.input()
                .replace("<aws.scheduler.scheduled-time>", time)
                .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                .replace("<aws.scheduler.attempt-number>", "1")
                .replace("<aws.scheduler.schedule-arn>", arn);
        return functions.get(s.functionId()).invoke(payload);
    }

    /** Fires one now (its scheduled time: this minute); null when there is no such schedule. */
    LocalFunction.Result fire(String functionId, String eventId) {
        return fire(functionId, eventId, null);
    }

    /**
     * Fires one as if at {@code at}: a local date-time in the schedule's ScheduleExpressionTimezone
     * ({@code 2027-03-01T08:00}) or an offset date-time ({@code 2027-03-01T08:00+01:00}); null: this
     * minute. Null when there is no such schedule.
     *
     * @throws IllegalArgumentException (one line) when {@code at} is not such a date-time
     */
    LocalFunction.Result fire(String functionId, String eventId, String at) {
        Schedule s = schedules.get(functionId + "/" + eventId);
        if (s == null) {
            return null;
        }
        return invoke(s, at == null ? ZonedDateTime.now(s.zone()).truncatedTo(ChronoUnit.MINUTES) : when(at, s.zone()));
    }

    static ZonedDateTime when(String at, ZoneId zone) {
        String text = at.trim().replace(' ', '+'); // a '+' in a query string arrives decoded as a space
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("at must be a date-time such as 2027-03-01T08:00 (in " + zone
                        + ") or 2027-03-01T08:00+01:00, not '" + at + "'");
            }
        }
    }

    List<String> names() {
        return List.copyOf(schedules.keySet());
    }

    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Schedule s : schedules.values()) {
            String next = s.enabled() ? s.next(ZonedDateTime.now(s.zone())).map(ZonedDateTime::toString).orElse("never") : "disabled";
            out.add(String.format(Locale.ROOT, "%s  %s  %s  next: %s", s.name(), s.expression(), s.zone(), next));
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
