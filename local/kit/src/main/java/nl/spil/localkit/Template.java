package nl.spil.localkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code template.yaml} (AWS SAM), read with SnakeYAML. Intrinsic functions, short
 * or long form, come back as {@link Cfn} records ({@code Cfn.Ref}, {@code Cfn.GetAtt}…); maps keep
 * the template's order. Nothing is resolved here: see {@link Resolver}.
 */
public final class Template {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String EMAIL_IDENTITY = "AWS::SES::EmailIdentity";

    private static final Map<Path, Template> CACHE = new ConcurrentHashMap<>();

    private final Path file;
    private final Map<String, Object> document;

    /** A template parameter. {@code defaultValue} is null when it has none. */
    public record Parameter(String name, String type, Object defaultValue, Map<String, Object> definition) {
    }

    /** A resource: its logical id, {@code Type}, {@code Properties} (empty map when none) and whole entry. */
    public record Resource(String logicalId, String type, Map<String, Object> properties,
                           Map<String, Object> definition) {
    }

    /**
     * An {@code HttpApi} event of a function: method in upper case ({@code ANY} when the event names
     * none) and path ({@code $default} when it names none).
     */
    public record Route(String eventId, String method, String path, Object apiId) {
    }

    private Template(Path file, Map<String, Object> document) {
        this.file = file;
        this.document = document;
    }

    /** The repository's template.yaml ({@link Repo#root()}), read once per JVM. */
    public static Template ofRepo() {
        return load(Repo.path("template.yaml"));
    }

    /** Reads a template file (cached per absolute path). */
    public static Template load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return CACHE.computeIfAbsent(key, k -> {
            try {
                return new Template(k, read(Files.readString(k)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + k, e);
            }
        });
    }

    /** Parses template text (for tests of template rules). */
    public static Template parse(String yaml) {
        return new Template(null, read(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(10 * 1024 * 1024);
        Object loaded = new Yaml(new CfnYamlConstructor(options)).load(yaml);
        if (!(loaded instanceof Map)) {
            throw new IllegalArgumentException("A template is a YAML mapping, got " + loaded);
        }
        return (Map<String, Object>) normalize(loaded);
    }

    /** Turns long-form intrinsics into {@link Cfn} records, recursively. */
    @SuppressWarnings("unchecked")
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Cfn.Intrinsic intrinsic = Cfn.ofLongForm(map);
            if (intrinsic != null) {
                return normalize(intrinsic);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Cfn.Sub sub) {
            return new Cfn.Sub(sub.text(), (Map<String, Object>) normalize(sub.variables()));
        }
        if (value instanceof Cfn.Fn fn) {
            return new Cfn.Fn(fn.function(), normalize(fn.argument()));
        }
        return value;
    }

    /** The file read, or null for {@link #parse(String)}. */
    public Path file() {
        return file;
    }

    /** The whole document (read-only view). */
    public Map<String, Object> document() {
        return Collections.unmodifiableMap(document);
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        section("Parameters").forEach((name, def) -> {
            Map<String, Object> d = asMap(def, "Parameters." + name);
            out.put(name, new Parameter(name, (String) d.get("Type"), d.get("Default"), d));
        });
        return out;
    }

    /** {@code Globals}, all sections. */
    public Map<String, Object> globals() {
        return section("Globals");
    }

    /** {@code Globals.Function}. */
    public Map<String, Object> functionGlobals() {
        Object function = globals().get("Function");
        return function == null ? Map.of() : asMap(function, "Globals.Function");
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** Every resource by logical id, in template order. */
    public Map<String, Resource> resources() {
        Map<String, Resource> out = new LinkedHashMap<>();
        section("Resources").forEach((id, def) -> {
            Map<String, Object> d = asMap(def, "Resources." + id);
            Object props = d.get("Properties");
            out.put(id, new Resource(id, (String) d.get("Type"),
                    props == null ? Map.of() : asMap(props, id + ".Properties"), d));
        });
        return out;
    }

    /** The resources of one type ({@code AWS::DynamoDB::Table}…), in template order. */
    public Map<String, Resource> resourcesOfType(String type) {
        Map<String, Resource> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.type())) {
                out.put(id, r);
            }
        });
        return out;
    }

    /** @throws IllegalArgumentException when the template has no such resource */
    public Resource resource(String logicalId) {
        Resource r = resources().get(logicalId);
        if (r == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId
                    + "; it has " + resources().keySet());
        }
        return r;
    }

    public Map<String, Object> properties(String logicalId) {
        return resource(logicalId).properties();
    }

    /** Logical ids of the {@code AWS::Serverless::Function}s. */
    public Set<String> functions() {
        return new LinkedHashSet<>(resourcesOfType(FUNCTION).keySet());
    }

    /**
     * A function property as SAM applies Globals: its own value, else the one in
     * {@code Globals.Function}, else null.
     */
    /**
     * A function's property with the Globals merged in as SAM merges them: a map (LoggingConfig,
     * Environment, …) is the union of both, the function's own keys winning; anything else is the
     * function's own value, else the global one.
     */
    public Object functionProperty(String functionId, String name) {
        Object own = function(functionId).properties().get(name);
        Object global = functionGlobals().get(name);
        if (own instanceof Map<?, ?> mine && global instanceof Map<?, ?> shared) {
            Map<Object, Object> merged = new LinkedHashMap<>(shared);
            merged.putAll(mine);
            return merged;
        }
        return own != null ? own : global;
    }

    /**
     * {@code Environment.Variables}: Globals merged with the function's own (own wins), values
     * unresolved.
     */
    public Map<String, Object> environment(String functionId) {
        Map<String, Object> out = new LinkedHashMap<>(variables(functionGlobals(), "Globals.Function"));
        out.putAll(variables(function(functionId).properties(), functionId));
        return out;
    }

    /** The function's {@code Policies} as a list (a single policy becomes a one-element list). */
    public List<Object> policies(String functionId) {
        Object policies = function(functionId).properties().get("Policies");
        if (policies == null) {
            return List.of();
        }
        return policies instanceof List<?> l ? List.copyOf(l) : List.of(policies);
    }

    /** The function's {@code Events} by event id: each a map with {@code Type} and {@code Properties}. */
    public Map<String, Map<String, Object>> events(String functionId) {
        Object events = function(functionId).properties().get("Events");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (events != null) {
            asMap(events, functionId + ".Events").forEach((id, e) -> out.put(id, asMap(e, functionId + ".Events." + id)));
        }
        return out;
    }

    /** The function's {@code HttpApi} events as routes, in template order. */
    public List<Route> httpApiEvents(String functionId) {
        List<Route> out = new ArrayList<>();
        events(functionId).forEach((id, e) -> {
            if ("HttpApi".equals(e.get("Type"))) {
                Object p = e.get("Properties");
                Map<String, Object> props = p == null ? Map.of() : asMap(p, id + ".Properties");
                Object method = props.get("Method");
                Object path = props.get("Path");
                out.add(new Route(id,
                        method == null ? "ANY" : method.toString().toUpperCase(Locale.ROOT),
                        path == null ? "$default" : path.toString(),
                        props.get("ApiId")));
            }
        });
        return out;
    }

    /** {@code Handler}, own or from Globals. */
    public String handler(String functionId) {
        Object handler = functionProperty(functionId, "Handler");
        return handler == null ? null : handler.toString();
    }

    /** {@code CodeUri}, own or from Globals (a string; an S3 location map is returned as its toString). */
    public String codeUri(String functionId) {
        Object codeUri = functionProperty(functionId, "CodeUri");
        return codeUri == null ? null : codeUri.toString();
    }

    private Resource function(String functionId) {
        Resource r = resource(functionId);
        if (!FUNCTION.equals(r.type())) {
            throw new IllegalArgumentException(functionId + " is a " + r.type() + ", not a " + FUNCTION);
        }
        return r;
    }

    private static Map<String, Object> variables(Map<String, Object> properties, String where) {
        Object env = properties.get("Environment");
        if (env == null) {
            return Map.of();
        }
        Object vars = asMap(env, where + ".Environment").get("Variables");
        return vars == null ? Map.of() : asMap(vars, where + ".Environment.Variables");
    }

    private Map<String, Object> section(String name) {
        Object section = document.get(name);
        return section == null ? Map.of() : asMap(section, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " should be a mapping, is " + value);
    }
}
