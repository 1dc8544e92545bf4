package nl.spil.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import nl.spil.localkit.Repo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml as a contract that answers keep: for a request's method and path and the
 * answer's status, content type and body, what does not match the document. The path is matched
 * to its path template (a literal segment beats a variable), the status to its response (then
 * {@code 4XX}, then {@code default}), the content type to a documented media type, and a JSON
 * body is validated against the response's schema as JSON Schema 2020-12 (OpenAPI 3.1's
 * dialect) with formats asserted, so a {@code date-time} without seconds is a violation.
 *
 * <p>Hand-written around networknt's validator because the OpenAPI request validators on Maven
 * Central (Atlassian's swagger-request-validator among them) do not read OpenAPI 3.1.
 */
public final class OpenApiContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiContract repo;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record PathTemplate(String template, Pattern pattern, int variables) {
    }

    private OpenApiContract(JsonNode document) {
        this.document = document;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemas(Map.of("urn:spil:openapi", json(document))));
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String regex = "^" + VARIABLE.matcher(Pattern.quote(template).replace("\\E", "").replace("\\Q", ""))
                    .replaceAll("[^/]+") + "$";
            paths.add(new PathTemplate(template, Pattern.compile(regex), (int) VARIABLE.matcher(template).results().count()));
        }
        paths.sort(Comparator.comparingInt(PathTemplate::variables));
    }

    /** The repository's docs/openapi.yaml (read once per JVM). */
    public static synchronized OpenApiContract ofRepo() {
        if (repo == null) {
            repo = load(Repo.path("docs/openapi.yaml"));
        }
        return repo;
    }

    public static OpenApiContract load(Path file) {
        try {
            Object yaml = new Yaml(new LoaderOptions()).load(Files.readString(file));
            return new OpenApiContract(JSON.valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What in this answer does not keep the contract; empty when it does.
     *
     * @param path the request path without its query, as sent (percent-encoded)
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        String where = method + " " + path + " → " + status;
        Optional<PathTemplate> template = paths.stream().filter(p -> p.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty()) {
            return List.of(where + ": the path is not in docs/openapi.yaml");
        }
        String pointer = "/paths/" + escape(template.get().template()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.at(pointer);
        if (operation.isMissingNode()) {
            return List.of(where + ": " + method + " " + template.get().template() + " is not in docs/openapi.yaml");
        }
        String code = String.valueOf(status);
        if (operation.path("responses").path(code).isMissingNode()) {
            code = operation.path("responses").has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
        }
        JsonNode response = resolve(operation.path("responses").path(code));
        if (response.isMissingNode()) {
            return List.of(where + ": status " + status + " is not documented for " + method + " " + template.get().template());
        }
        JsonNode content = response.path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? List.of() : List.of(where + ": a body that the document does not describe");
        }
        if (empty) {
            return List.of(where + ": no body, but the document describes one");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(type)) {
            return List.of(where + ": content type " + type + " is not documented (documented: " + names(content) + ")");
        }
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(where + ": the body is not JSON");
        }
        String schemaPointer = "#" + (response == operation.path("responses").path(code)
                ? pointer + "/responses/" + escape(code)
                : refOf(operation.path("responses").path(code))) + "/content/" + escape(type) + "/schema";
        Schema schema = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(
                SchemaLocation.of("urn:spil:openapi" + p.replace("{", "%7B").replace("}", "%7D"))));
        List<String> out = new ArrayList<>();
        schema.validate(instance).forEach(e -> out.add(where + ": " + e));
        return out;
    }

    /** True when the document has a path template that {@code path} matches. */
    public boolean documents(String path) {
        return paths.stream().anyMatch(p -> p.pattern().matcher(path).matches());
    }

    /** Throws an AssertionError listing the violations, if any. */
    public void assertKept(String method, String path, int status, String contentType, String body) {
        List<String> violations = violations(method, path, status, contentType, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("the answer breaks docs/openapi.yaml:\n  " + String.join("\n  ", violations)
                    + "\n  body: " + (body == null ? "" : body.substring(0, Math.min(body.length(), 2000))));
        }
    }

    private JsonNode resolve(JsonNode node) {
        String ref = refOf(node);
        return ref == null ? node : document.at(ref);
    }

    private static String refOf(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? ref.asText().substring(1) : null;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return String.join(", ", out);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
