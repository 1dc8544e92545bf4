package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;

/**
 * Every function of template.yaml as a {@link Subject}, found generically: its CodeUri artifact, its
 * Handler, its environment (resolved against the local AWS, as the local cloud does) and the events
 * that invoke it, taken from {@code events/<module>/} (the module is CodeUri's
 * {@code functions/<module>/…}):
 * <ul>
 *   <li>HttpApi: the module's API Gateway events whose {@code routeKey} is a GET route of this function,
 *       those without path parameters first (a list answers 2xx on empty tables), then by file name;</li>
 *   <li>ScheduleV2: the schedule's own {@code Input} from the template with the scheduler's placeholders
 *       filled in (exactly what the scheduler sends), else the module's scheduler events;</li>
 *   <li>DynamoDB (and SQS, SNS): the module's events whose {@code Records[0]} come from that source;</li>
 *   <li>EventBridgeRule: the module's events whose {@code detail-type} (and {@code source}) the rule's
 *       pattern names.</li>
 * </ul>
 * A function added to the template is measured (and smoke-tested) without a change here, as long as
 * its module has such an event file.
 */
final class TemplateSubjects {

    static final String HTTP_FUNCTION = "nl.spil.platform.http.HttpFunction";
    /** The scheduled time filled into a schedule's Input: a fixed tick, so every run does the same work. */
    static final Instant TICK = Instant.parse("2027-03-29T06:00:00Z");

    private final Path root;
    private final Template template;
    private final LocalAws aws;

    TemplateSubjects(Path root, LocalAws aws) {
        this.root = root;
        this.aws = aws;
        this.template = aws.template();
    }

    /** Every function of the template, in template order. */
    List<Subject> all() {
        List<Subject> out = new ArrayList<>();
        for (String function : template.functions()) {
            out.add(of(function));
        }
        return out;
    }

    Subject of(String function) {
        String codeUri = template.codeUri(function);
        String handler = template.handler(function);
        if (codeUri == null || handler == null) {
            throw new IllegalArgumentException(function + " has no CodeUri or Handler in template.yaml");
        }
        Map<String, String> env = new LinkedHashMap<>(aws.environment(function).variables());
        Path events = eventsDir(codeUri);
        Map<String, Map<String, Object>> triggers = template.events(function);
        Subject.Kind kind = kind(function, triggers, handler);
        List<Subject.Candidate> candidates = switch (kind) {
            case HTTP, HTTP_OWN -> httpEvents(function, events);
            case SCHEDULE -> scheduleEvents(triggers, events);
            case STREAM -> recordEvents(triggers, events);
            case EVENTBRIDGE -> busEvents(triggers, events);
            case PLAIN -> List.of();
        };
        return new Subject(function, kind, root.resolve(codeUri).normalize(), handler, candidates, env, List.of());
    }

    private static Subject.Kind kind(String function, Map<String, Map<String, Object>> triggers, String handler) {
        Set<String> types = new TreeSet<>();
        triggers.values().forEach(t -> types.add(String.valueOf(t.get("Type"))));
        if (types.contains("HttpApi")) {
            return handler.equals(HTTP_FUNCTION) ? Subject.Kind.HTTP : Subject.Kind.HTTP_OWN;
        }
        if (types.contains("ScheduleV2") || types.contains("Schedule")) {
            return Subject.Kind.SCHEDULE;
        }
        if (types.contains("DynamoDB") || types.contains("SQS") || types.contains("SNS") || types.contains("Kinesis")) {
            return Subject.Kind.STREAM;
        }
        if (types.contains("EventBridgeRule") || types.contains("CloudWatchEvent")) {
            return Subject.Kind.EVENTBRIDGE;
        }
        throw new IllegalArgumentException(function + ": no event type the bench knows how to send (" + types + ")");
    }

    private Path eventsDir(String codeUri) {
        String[] parts = codeUri.split("/");
        if (parts.length < 2 || !parts[0].equals("functions")) {
            throw new IllegalArgumentException("CodeUri " + codeUri + " is not functions/<module>/…");
        }
        return root.resolve("events").resolve(parts[1]);
    }

    private List<Subject.Candidate> httpEvents(String function, Path dir) {
        Set<String> routes = new HashSet<>();
        template.httpApiEvents(function).forEach(r -> {
            if (r.method().equals("GET") || r.method().equals("ANY")) {
                routes.add("GET " + r.path());
            }
        });
        List<Subject.Candidate> out = new ArrayList<>();
        for (Subject.Candidate c : files(dir)) {
            JsonNode e = c.json();
            if (routes.contains(e.path("routeKey").asText())) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing((Subject.Candidate c) -> c.json().path("routeKey").asText().contains("{"))
                .thenComparing(Subject.Candidate::source));
        return out;
    }

    private List<Subject.Candidate> scheduleEvents(Map<String, Map<String, Object>> triggers, Path dir) {
        List<Subject.Candidate> out = new ArrayList<>();
        for (Map<String, Object> t : triggers.values()) {
            Object input = properties(t).get("Input");
            if (input instanceof String text) {
                String filled = text.replace("<aws.scheduler.scheduled-time>", TICK.toString())
                        .replace("<aws.scheduler.execution-id>", "bench-execution")
                        .replace("<aws.scheduler.attempt-number>", "1")
                        .replace("<aws.scheduler.schedule-arn>",
                                "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/bench");
                out.add(new Subject.Candidate("template Input", filled.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (Subject.Candidate c : files(dir)) {
            if (c.json().path("source").asText().equals("aws.scheduler")
                    || c.json().path("detail-type").asText().equals("Scheduled Event")) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Subject.Candidate> recordEvents(Map<String, Map<String, Object>> triggers, Path dir) {
        Set<String> sources = new HashSet<>();
        triggers.values().forEach(t -> {
            switch (String.valueOf(t.get("Type"))) {
                case "DynamoDB" -> sources.add("aws:dynamodb");
                case "SQS" -> sources.add("aws:sqs");
                case "SNS" -> sources.add("aws:sns");
                case "Kinesis" -> sources.add("aws:kinesis");
                default -> { }
            }
        });
        List<Subject.Candidate> out = new ArrayList<>();
        for (Subject.Candidate c : files(dir)) {
            JsonNode first = c.json().path("Records").path(0);
            String source = first.has("eventSource") ? first.path("eventSource").asText() : first.path("EventSource").asText();
            if (sources.contains(source)) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Subject.Candidate> busEvents(Map<String, Map<String, Object>> triggers, Path dir) {
        List<Subject.Candidate> out = new ArrayList<>();
        for (Subject.Candidate c : files(dir)) {
            JsonNode e = c.json();
            for (Map<String, Object> t : triggers.values()) {
                Object pattern = properties(t).get("Pattern");
                if (pattern instanceof Map<?, ?> p && names(p.get("detail-type"), e.path("detail-type").asText())
                        && (p.get("source") == null || names(p.get("source"), e.path("source").asText()))) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean names(Object patternValue, String value) {
        return patternValue instanceof List<?> l ? l.stream().anyMatch(v -> String.valueOf(v).equals(value))
                : patternValue != null && String.valueOf(patternValue).equals(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> trigger) {
        Object p = trigger.get("Properties");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The module's event files, by name. */
    private List<Subject.Candidate> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Subject.Candidate> out = new ArrayList<>();
            for (Path f : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Subject.Candidate(root.relativize(f).toString(), Files.readAllBytes(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain baseline, with a function's Lambda environment but reading its own item (see BenchData). */
    Subject plain(Path artifact, Path event, String table) {
        Map<String, String> env = new LinkedHashMap<>(aws.environment(template.functions().iterator().next()).variables());
        env.keySet().removeIf(k -> !k.startsWith("AWS_"));
        env.put("TABLE_NAME", table);
        env.put("_HANDLER", "nl.spil.bench.PlainHandler");
        try {
            return new Subject("plain", Subject.Kind.PLAIN, artifact, "nl.spil.bench.PlainHandler",
                    List.of(new Subject.Candidate(root.relativize(event).toString(), Files.readAllBytes(event))), env,
                    List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
