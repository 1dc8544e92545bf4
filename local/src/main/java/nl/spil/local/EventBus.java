package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.spil.localkit.HttpReply;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;
import software.amazon.event.ruler.Machine;

/**
 * The event bus the functions put events on ({@code AWS_ENDPOINT_URL_EVENTBRIDGE} points here):
 * {@code PutEvents} (the SDK's JSON 1.1 protocol) is answered, and each event is delivered,
 * asynchronously as EventBridge does, to every function whose {@code EventBridgeRule} pattern
 * matches on that bus (matching by AWS's event-ruler).
 */
final class EventBus implements AutoCloseable {

    private static final String AMZ_JSON = "application/x-amz-json-1.1";

    private record Rule(String functionId, String eventId, String bus, String input, String inputPath) {
    }

    private final HttpServer server;
    private final ExecutorService delivery;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Machine machine = new Machine();
    private final Map<String, LocalFunction> functions;
    private final PrintStream out;

    EventBus(Template template, Resolver resolver, Map<String, LocalFunction> functions, PrintStream out) {
        this.functions = functions;
        this.out = out;
        for (String f : template.functions()) {
            template.events(f).forEach((eventId, e) -> {
                if (!"EventBridgeRule".equals(e.get("Type"))) {
                    return;
                }
                Map<?, ?> p = (Map<?, ?>) resolver.resolve(e.get("Properties"));
                if (p.get("State") != null && !"ENABLED".equalsIgnoreCase(p.get("State").toString())) {
                    return;
                }
                String bus = p.get("EventBusName") == null ? "default" : busName(p.get("EventBusName").toString());
                String name = f + "/" + eventId;
                rules.put(name, new Rule(f, eventId, bus,
                        p.get("Input") == null ? null : p.get("Input").toString(),
                        p.get("InputPath") == null ? null : p.get("InputPath").toString()));
                try {
                    machine.addRule(name, Json.write(p.get("Pattern")));
                } catch (Exception ex) {
                    throw new LocalCloud.CannotStart("template.yaml: " + f + " event " + eventId
                            + " has a Pattern the local cloud cannot read: " + ex.getMessage());
                }
            });
        }
        try {
            server = HttpReply.server(0, 16);
        } catch (IOException e) {
            throw new LocalCloud.CannotStart("Cannot listen on 127.0.0.1 for the event bus: " + e.getMessage());
        }
        delivery = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "event-bus");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(delivery);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String busName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            String target = x.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"AWSEvents.PutEvents".equals(target)) {
                HttpReply.send(x, 400, AMZ_JSON, "{\"__type\":\"UnknownOperationException\",\"message\":\"The local event bus answers PutEvents only, not "
                        + target + "\"}");
                return;
            }
            JsonNode request = Json.read(new String(body, StandardCharsets.UTF_8));
            ObjectNode response = Json.object();
            ArrayNode entries = response.putArray("Entries");
            int failed = 0;
            for (JsonNode entry : request.path("Entries")) {
                if (!entry.hasNonNull("Source") || !entry.hasNonNull("DetailType") || !entry.hasNonNull("Detail")) {
                    failed++;
                    entries.addObject().put("ErrorCode", "InvalidArgument").put("ErrorMessage", "Source, DetailType and Detail are required");
                    continue;
                }
                JsonNode detail;
                try {
                    detail = Json.read(entry.path("Detail").asText());
                } catch (RuntimeException e) {
                    failed++;
                    entries.addObject().put("ErrorCode", "MalformedDetail").put("ErrorMessage", "Detail is not valid JSON");
                    continue;
                }
                String id = UUID.randomUUID().toString();
                ObjectNode event = Json.object();
                event.put("version", "0");
                event.put("id", id);
                event.put("detail-type", entry.path("DetailType").asText());
                event.put("source", entry.path("Source").asText());
                event.put("account", LocalAws.ACCOUNT_ID);
                event.put("time", (entry.hasNonNull("Time") ? Instant.ofEpochSecond(entry.path("Time").asLong())
                        : Instant.now()).truncatedTo(ChronoUnit.SECONDS).toString());
                event.put("region", LocalAws.REGION);
                ArrayNode resources = event.putArray("resources");
                entry.path("Resources").forEach(resources::add);
                event.set("detail", detail);
                String bus = entry.hasNonNull("EventBusName") ? busName(entry.path("EventBusName").asText()) : "default";
                entries.addObject().put("EventId", id);
                deliver(bus, event);
            }
            response.put("FailedEntryCount", failed);
            HttpReply.send(x, 200, AMZ_JSON, Json.write(response));
        }
    }

    private void deliver(String bus, ObjectNode event) {
        String json = Json.write(event);
        List<String> matched;
        try {
            matched = new ArrayList<>(machine.rulesForJSONEvent(json));
        } catch (Exception e) {
            out.println("event bus: cannot match event " + json + ": " + e.getMessage());
            return;
        }
        for (String name : matched) {
            Rule rule = rules.get(name);
            if (!rule.bus().equals(bus)) {
                continue;
            }
            String payload = rule.input() != null ? rule.input()
                    : rule.inputPath() != null ? Json.write(event.at(rule.inputPath().replace("$.", "/").replace('.', '/').replace("$", "")))
                    : json;
            delivery.submit(() -> {
                LocalFunction.Result r = functions.get(rule.functionId()).invoke(payload);
                if (r.error()) {
                    out.println("event bus: " + name + " failed: " + r.body());
                }
            });
        }
    }

    @Override
    public void close() {
        server.stop(0);
        delivery.shutdownNow();
    }
}
