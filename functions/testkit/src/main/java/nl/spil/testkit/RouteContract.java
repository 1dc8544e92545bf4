package nl.spil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Template;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The three places a route is written down: the controllers (with their {@code @Allow} roles),
 * template.yaml's HttpApi events of the function, and docs/openapi.yaml (with
 * {@code x-spil-roles}). A test compares them so none drifts from the others.
 */
public final class RouteContract {

    private RouteContract() {
    }

    /** A route as "GET /people/{id}" and the groups it admits. */
    public record Route(String method, String path, Set<String> roles) {

        public String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    /** Routes of a function in template.yaml, as "METHOD /path". */
    public static Set<String> templateRoutes(Template template, String functionId) {
        Set<String> routes = new TreeSet<>();
        for (Template.Route r : template.httpApiEvents(functionId)) {
            routes.add(r.method().toUpperCase(Locale.ROOT) + " " + r.path());
        }
        return routes;
    }

    /** Routes of docs/openapi.yaml with their x-spil-roles, keyed "METHOD /path". */
    public static Map<String, Set<String>> openApiRoutes() {
        try {
            Path file = Repo.path("docs/openapi.yaml");
            LoaderOptions options = new LoaderOptions();
            Map<String, Object> doc = new Yaml(options).load(Files.readString(file));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            Map<String, Set<String>> out = new TreeMap<>();
            for (var p : paths.entrySet()) {
                for (var op : p.getValue().entrySet()) {
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> operation = (Map<String, Object>) op.getValue();
                    @SuppressWarnings("unchecked")
                    List<String> roles = (List<String>) operation.getOrDefault("x-spil-roles", List.of());
                    out.put(method + " " + p.getKey(), new TreeSet<>(roles));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenAPI operations that no function of the template routes (documentation of nothing). */
    public static List<String> undocumentedOrUnrouted(Template template) {
        Set<String> routed = new TreeSet<>();
        for (String fn : template.functions()) {
            routed.addAll(templateRoutes(template, fn));
        }
        List<String> problems = new ArrayList<>();
        for (String documented : openApiRoutes().keySet()) {
            if (!routed.contains(documented)) {
                problems.add(documented + " is in docs/openapi.yaml but no function of template.yaml serves it");
            }
        }
        for (String r : routed) {
            if (!openApiRoutes().containsKey(r)) {
                problems.add(r + " is routed in template.yaml but missing from docs/openapi.yaml");
            }
        }
        return problems;
    }

    /** Differences between the controllers' routes and the template's and OpenAPI's, as readable lines. */
    public static List<String> differences(List<Route> controllers, Template template, String functionId) {
        List<String> problems = new ArrayList<>();
        Set<String> inTemplate = templateRoutes(template, functionId);
        Map<String, Set<String>> inOpenApi = openApiRoutes();
        Set<String> inCode = new TreeSet<>();
        for (Route r : controllers) {
            inCode.add(r.key());
            if (!inTemplate.contains(r.key())) {
                problems.add(r.key() + " is served by the code but not routed to " + functionId + " in template.yaml");
            }
            Set<String> documented = inOpenApi.get(r.key());
            if (documented == null) {
                problems.add(r.key() + " is served by the code but missing from docs/openapi.yaml");
            } else if (!documented.equals(new TreeSet<>(r.roles()))) {
                problems.add(r.key() + " admits " + new TreeSet<>(r.roles()) + " in code but x-spil-roles says " + documented);
            }
        }
        for (String t : inTemplate) {
            if (!inCode.contains(t)) {
                problems.add(t + " is routed to " + functionId + " in template.yaml but no controller serves it");
            }
        }
        return problems;
    }
}
