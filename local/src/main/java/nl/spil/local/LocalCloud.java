package nl.spil.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.spil.testkit.FunctionEnvironment;
import nl.spil.testkit.LocalAws;
import nl.spil.testkit.Repo;
import nl.spil.testkit.Resolver;
import nl.spil.testkit.Template;
import nl.spil.testkit.TemplateTables;

/**
 * The local cloud: all of template.yaml on this machine. {@link #start} brings it up (local AWS and
 * its resources, Cognito with demo users, every function in its own JVM, the HTTP API, schedules,
 * streams and the event bus, demo data); {@link #close} stops every process it started.
 */
public final class LocalCloud implements AutoCloseable {

    /** Password of every demo user (meets the template's password policy). */
    public static final String DEMO_PASSWORD = "Spil-demo-2027";

    /** How to start. */
    public record Options(int port, boolean seed, Path logDir, Path runtimeDir, PrintStream out) {
        public static Options defaults() {
            Path root = Repo.root();
            String runtime = System.getProperty("spil.local.runtime");
            return new Options(3000, true, root.resolve(".local-cloud/logs"),
                    runtime == null ? root.resolve("local/target/lambda-runtime") : Path.of(runtime), System.out);
        }

        public Options withPort(int p) {
            return new Options(p, seed, logDir, runtimeDir, out);
        }
    }

    /** A clear one-line reason the local cloud cannot run. */
    public static final class CannotStart extends RuntimeException {
        public CannotStart(String message) {
            super(message);
        }
    }

    private final Options options;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Double> initDurations = new LinkedHashMap<>();
    private Template template;
    private LocalAws aws;
    private TemplateTables tables;
    private Cognito cognito;
    private Resolver resolver;
    private HttpApi api;
    private Schedules schedules;
    private DemoData demo;
    private String poolId;
    private String clientId;
    private Duration startup;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    private LocalCloud(Options options) {
        this.options = options;
    }

    /** Starts everything; on failure stops what was started and throws {@link CannotStart} or the cause. */
    public static LocalCloud start(Options options) {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.startAll();
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void startAll() {
        long t0 = System.nanoTime();
        template = Template.ofRepo();
        TemplateCheck.check(template);
        Map<String, String> jars = new LinkedHashMap<>();
        for (String f : template.functions()) {
            String codeUri = template.codeUri(f);
            Path jar = Repo.root().resolve(codeUri);
            if (!Files.isRegularFile(jar)) {
                throw new CannotStart(f + ": CodeUri " + codeUri + " is not built; run ./mvnw -B -q package -DskipTests");
            }
            jars.put(f, jar.toString());
        }
        if (!Files.isDirectory(options.runtimeDir())) {
            throw new CannotStart("The Lambda runtime client is missing at " + options.runtimeDir()
                    + "; run ./mvnw -B -q -pl local -am package -DskipTests");
        }
        // the HTTP API's port first: a busy port is known before anything starts
        HttpServer server = bindApi(options.port(), options.out());
        try {
            aws = LocalAws.get();
        } catch (IllegalStateException e) {
            server.stop(0);
            throw new CannotStart("The local AWS (moto) cannot start: " + e.getMessage().lines().findFirst().orElse(""));
        }
        closeables.add(aws);
        phases.put("local AWS", System.nanoTime());
        Map<String, String> parameters = new LinkedHashMap<>(LocalAws.TEST_PARAMETERS);
        parameters.put("CursorSigningKey", randomKey());
        parameters.put("LogRedactionKey", randomKey());
        tables = TemplateTables.create(template, aws.dynamoDb(), aws.s3(), aws.sesV2(), parameters);
        cognito = new Cognito(aws.endpoint());
        closeables.add(cognito);
        Map<String, String> known = new LinkedHashMap<>();
        known.putAll(tables.tables());
        known.putAll(tables.buckets());
        known.putAll(tables.emailIdentities());
        // Cognito (and the demo users) can be made while the function JVMs start, unless a
        // function's environment names a Cognito resource
        List<String> cognitoIds = new ArrayList<>();
        for (String type : List.of(Cognito.POOL, Cognito.CLIENT, Cognito.GROUP)) {
            cognitoIds.addAll(template.resourcesOfType(type).keySet());
        }
        boolean functionsNeedCognito = template.functions().stream()
                .anyMatch(f -> cognitoIds.stream().anyMatch(String.valueOf(template.environment(f))::contains));
        if (functionsNeedCognito) {
            cognito.create(template, ids -> resolverWith(parameters, known, ids));
            known.putAll(cognito.physicalIds());
        }
        resolver = resolverWith(parameters, known, Map.of());

        phases.put("resources", System.nanoTime());
        EventBus bus = new EventBus(template, resolver, functions, options.out());
        closeables.add(bus);

        // every function's JVM, started together
        for (String f : template.functions()) {
            Map<String, String> env = environment(f);
            env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
            Object timeout = template.functionProperty(f, "Timeout");
            LocalFunction fn = new LocalFunction(f, Path.of(jars.get(f)), template.handler(f), options.runtimeDir(), env,
                    options.logDir().resolve(f + ".log"),
                    Duration.ofSeconds(timeout == null ? 3 : Long.parseLong(resolver.resolveString(timeout))));
            functions.put(f, fn);
            closeables.add(fn);
            fn.start();
        }
        if (!functionsNeedCognito) {
            cognito.create(template, ids -> resolverWith(parameters, known, ids));
            known.putAll(cognito.physicalIds());
            resolver = resolverWith(parameters, known, Map.of());
        }
        demo = new DemoData(this);
        demo.createUsers();
        List<CompletableFuture<Void>> inits = new ArrayList<>();
        for (LocalFunction fn : functions.values()) {
            inits.add(CompletableFuture.runAsync(() -> {
                double ms = fn.awaitInit(Duration.ofSeconds(90));
                synchronized (initDurations) {
                    initDurations.put(fn.name(), ms);
                }
                String cds = fn.classData();
                options.out().printf("REPORT %s Init Duration: %.2f ms (%slog: %s)%n", fn.name(), ms,
                        cds == null ? "" : cds + "; ", Repo.root().relativize(fn.logFile().toAbsolutePath()));
            }));
        }
        try {
            CompletableFuture.allOf(inits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            server.stop(0);
            throw new CannotStart(e.getCause().getMessage());
        }

        phases.put("functions, Cognito and demo users", System.nanoTime());
        api = new HttpApi(server, routes(), functions, cors(), this::localPages);
        closeables.add(api);
        schedules = new Schedules(template, resolver, functions, options.out());
        closeables.add(schedules);
        Streams streams = new Streams(template, resolver, functions, aws, options.out());
        closeables.add(streams);
        if (options.seed()) {
            demo.seed();
        }
        phases.put("demo data", System.nanoTime());
        startup = Duration.ofNanos(System.nanoTime() - t0);
        phases.put("start", t0);
        writeClassDataArchives();
    }

    /** The API's server on the port, or (said in one line) on a free one when that port is busy. */
    static HttpServer bindApi(int port, PrintStream out) {
        try {
            return HttpApi.bind(port);
        } catch (BindException e) {
            try {
                HttpServer s = HttpApi.bind(0);
                out.println("Port " + port + " is busy; the API uses port " + s.getAddress().getPort() + " instead.");
                return s;
            } catch (IOException again) {
                throw new CannotStart("Cannot listen on 127.0.0.1: " + again.getMessage());
            }
        } catch (IOException e) {
            throw new CannotStart("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    private Resolver resolverWith(Map<String, String> parameters, Map<String, String> known, Map<String, String> more) {
        Map<String, String> physical = new LinkedHashMap<>(known);
        physical.putAll(more);
        return new Resolver(template, parameters, physical, (id, attribute) -> {
            if (attribute.equals("StreamArn") && tables.tables().containsKey(id)) {
                return tables.streamArn(id);
            }
            if (attribute.equals("Arn") && template.resources().containsKey(id)
                    && template.resource(id).type().equals(Template.FUNCTION)) {
                return "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":function:" + id;
            }
            if (attribute.equals("Arn") && physical.containsKey(id)
                    && template.resource(id).type().equals(Cognito.POOL)) {
                return "arn:aws:cognito-idp:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":userpool/" + physical.get(id);
            }
            return null;
        });
    }

    private volatile boolean closing;
    private volatile LocalFunction archiving;

    /** In the background, one at a time: an AppCDS archive for each function that has none yet. */
    private void writeClassDataArchives() {
        List<LocalFunction> missing = functions.values().stream().filter(LocalFunction::needsArchive).toList();
        if (missing.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            List<String> written = new ArrayList<>();
            for (LocalFunction fn : missing) {
                if (closing) {
                    return;
                }
                LocalFunction a = fn.archiver();
                archiving = a;
                try {
                    a.start();
                    a.awaitInit(Duration.ofSeconds(120));
                } catch (RuntimeException e) {
                    a.abandon();
                } finally {
                    if (closing) {
                        a.abandon();
                    }
                    a.close();
                    archiving = null;
                }
                if (!fn.needsArchive()) {
                    written.add(fn.name());
                }
            }
            if (!written.isEmpty() && !closing) {
                options.out().println("Class-data archives written for " + String.join(", ", written)
                        + " (" + Repo.root().relativize(options.logDir().resolveSibling("cds").toAbsolutePath())
                        + "): their next start is faster.");
            }
        }, "class-data-archives");
        t.setDaemon(true);
        t.start();
    }

    /** Lambda's variables, then the template's (Globals and own, resolved). */
    private Map<String, String> environment(String functionId) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionId);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        Object memory = template.functionProperty(functionId, "MemorySize");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory == null ? "128" : resolver.resolveString(memory));
        Object logging = template.functionProperty(functionId, "LoggingConfig");
        if (logging instanceof Map<?, ?> l && l.get("LogFormat") != null) {
            env.put("AWS_LAMBDA_LOG_FORMAT", resolver.resolveString(l.get("LogFormat")));
            if (l.get("ApplicationLogLevel") != null) {
                env.put("AWS_LAMBDA_LOG_LEVEL", resolver.resolveString(l.get("ApplicationLogLevel")));
            }
        }
        env.put("_HANDLER", template.handler(functionId));
        template.environment(functionId).forEach((name, value) -> {
            Object resolved = resolver.resolve(value);
            if (resolved != Resolver.NO_VALUE) {
                env.put(name, resolver.resolveString(resolved));
            }
        });
        return env;
    }

    private List<HttpApi.Route> routes() {
        List<HttpApi.Route> routes = new ArrayList<>();
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        for (String f : template.functions()) {
            for (var e : template.events(f).entrySet()) {
                if (!"HttpApi".equals(e.getValue().get("Type"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> p = e.getValue().get("Properties") == null ? Map.of()
                        : (Map<String, Object>) e.getValue().get("Properties");
                String method = p.get("Method") == null ? "ANY" : p.get("Method").toString().toUpperCase(java.util.Locale.ROOT);
                if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
                    method = "ANY";
                }
                String path = p.get("Path") == null ? "$default" : p.get("Path").toString();
                String apiId = apiIdOf(p.get("ApiId"));
                String authName = null;
                List<String> scopes = List.of();
                if (p.get("Auth") instanceof Map<?, ?> auth && auth.get("AuthorizationScopes") instanceof List<?> l) {
                    scopes = l.stream().map(String::valueOf).toList();
                }
                if (p.get("Auth") instanceof Map<?, ?> auth && auth.get("Authorizer") != null) {
                    authName = auth.get("Authorizer").toString();
                } else if (apiId != null) {
                    authName = defaultAuthorizer(apiId);
                }
                JwtAuthorizer authorizer = null;
                if (authName != null && !authName.equals("NONE")) {
                    String key = apiId + "/" + authName;
                    authorizer = authorizers.computeIfAbsent(key, k -> jwtAuthorizer(apiId, authNameOf(k)));
                }
                routes.add(new HttpApi.Route(method, path, f, e.getKey(), authorizer, scopes));
            }
        }
        return routes;
    }

    private static String authNameOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    private String apiIdOf(Object apiId) {
        if (apiId == null) {
            return null; // the implicit API: no authorizer
        }
        if (apiId instanceof nl.spil.testkit.Cfn.Ref ref) {
            return ref.name();
        }
        return apiId.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> httpApiAuth(String apiId) {
        Object auth = template.properties(apiId).get("Auth");
        return auth instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private String defaultAuthorizer(String apiId) {
        Object d = httpApiAuth(apiId).get("DefaultAuthorizer");
        return d == null ? null : d.toString();
    }

    @SuppressWarnings("unchecked")
    private JwtAuthorizer jwtAuthorizer(String apiId, String name) {
        Object all = httpApiAuth(apiId).get("Authorizers");
        if (!(all instanceof Map<?, ?> authorizers) || !(authorizers.get(name) instanceof Map<?, ?> a)) {
            throw new CannotStart("template.yaml: " + apiId + " has no Auth.Authorizers." + name);
        }
        Object config = resolver.resolve(a.get("JwtConfiguration"));
        if (!(config instanceof Map<?, ?> jwt)) {
            throw new CannotStart("template.yaml: " + apiId + " Auth.Authorizers." + name
                    + " is not a JWT authorizer (JwtConfiguration), which the local cloud does not understand");
        }
        String issuer = String.valueOf(jwt.get("issuer"));
        List<String> audience = jwt.get("audience") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        String pool = issuer.substring(issuer.lastIndexOf('/') + 1);
        return new JwtAuthorizer(issuer, audience, cognito.jwks(pool));
    }

    private HttpApi.Cors cors() {
        for (var api : template.resourcesOfType("AWS::Serverless::HttpApi").values()) {
            Object c = resolver.resolve(api.properties().get("CorsConfiguration"));
            if (c instanceof Map<?, ?> m) {
                return new HttpApi.Cors(join(m.get("AllowOrigins")), join(m.get("AllowMethods")), join(m.get("AllowHeaders")),
                        m.get("MaxAge") == null ? null : m.get("MaxAge").toString());
            }
        }
        return null;
    }

    private static String join(Object o) {
        return o instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : o == null ? "*" : o.toString();
    }

    private void localPages(HttpExchange x) throws IOException {
        try (x) {
            x.getRequestBody().readAllBytes();
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            if (path.equals("/local/token") && x.getRequestMethod().equals("GET")) {
                String user = query == null ? null : Mail.param(query, "user");
                String token = user == null ? null : demo.token(user);
                if (token == null) {
                    reply(x, 404, "text/plain", "No demo user " + user + "; try one of " + demo.userKeys() + "\n");
                } else {
                    reply(x, 200, "text/plain", token);
                }
            } else if (path.startsWith("/local/schedules/") && x.getRequestMethod().equals("POST")) {
                String[] parts = path.substring("/local/schedules/".length()).split("/");
                if (parts.length != 2) {
                    reply(x, 404, "text/plain", "POST /local/schedules/<FunctionLogicalId>/<EventId>\n");
                    return;
                }
                var result = schedules.fire(parts[0], parts[1]);
                if (result == null) {
                    reply(x, 404, "text/plain", "No ScheduleV2 event " + parts[1] + " on " + parts[0] + "; schedules: "
                            + schedules.names() + "\n");
                } else {
                    reply(x, result.error() ? 502 : 200, "application/json", result.body());
                }
            } else if (path.equals("/local/schedules") && x.getRequestMethod().equals("GET")) {
                reply(x, 200, "text/plain", String.join("\n", schedules.describe()) + "\n");
            } else if (path.startsWith("/local/mail")) {
                Mail.Page page = new Mail(aws).page(path);
                if (page == null) {
                    reply(x, 404, "text/plain", "No such message or part\n");
                } else {
                    if (page.fileName() != null) {
                        x.getResponseHeaders().add("Content-Disposition", "inline; filename=\"" + page.fileName().replace("\"", "") + "\"");
                    }
                    reply(x, 200, page.contentType(), page.body());
                }
            } else {
                reply(x, 404, "text/plain", "Local pages: GET /local/token?user=<name>, GET /local/mail, "
                        + "GET /local/schedules, POST /local/schedules/<Function>/<Event>\n");
            }
        } catch (RuntimeException e) {
            reply(x, 500, "text/plain", e.toString() + "\n");
        }
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        reply(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange x, int status, String type, byte[] bytes) throws IOException {
        x.getResponseHeaders().add("Content-Type", type.contains("charset") || !type.startsWith("text") ? type : type + "; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String randomKey() {
        SecureRandom r = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            s.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ accessors

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + api.port());
    }

    public LocalAws aws() {
        return aws;
    }

    public Template template() {
        return template;
    }

    public TemplateTables tables() {
        return tables;
    }

    public Map<String, Double> initDurations() {
        return Map.copyOf(initDurations);
    }

    public Duration startup() {
        return startup;
    }

    /** An ID token of a demo user (olga, sam, rita, max…). */
    public String token(String user) {
        return demo.token(user);
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    Cognito cognito() {
        return cognito;
    }

    List<HttpApi.Route> apiRoutes() {
        return api.routes();
    }

    String poolId() {
        if (poolId == null) {
            clientId = template.resourcesOfType(Cognito.CLIENT).keySet().stream().findFirst()
                    .map(id -> cognito.physicalIds().get(id)).orElseThrow(() -> new CannotStart("template.yaml has no "
                            + Cognito.CLIENT + "; demo users need one"));
            poolId = cognito.poolOf(clientId);
        }
        return poolId;
    }

    String clientId() {
        poolId();
        return clientId;
    }

    Options options() {
        return options;
    }

    Schedules schedules() {
        return schedules;
    }

    /** The process ids of the local AWS and every function JVM. */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** The "ready" banner. */
    public String banner() {
        String base = baseUrl().toString();
        StringBuilder s = new StringBuilder();
        s.append("\nSpil local cloud is ready in ").append(String.format("%.1f", startup.toMillis() / 1000.0)).append(" s (");
        long previous = phases.get("start");
        for (var p : phases.entrySet()) {
            if (!p.getKey().equals("start")) {
                s.append(p.getKey()).append(String.format(" %.1f s", (p.getValue() - previous) / 1e9))
                        .append(p.getKey().startsWith("demo") ? "" : ", ");
                previous = p.getValue();
            }
        }
        s.append(")\n\n");
        s.append("  API          ").append(base).append("   (").append(api.routes().size()).append(" routes from template.yaml)\n");
        s.append("  Tokens       curl -s ").append(base).append("/local/token?user=<name>     (an ID token, valid 1 hour)\n");
        for (DemoData.User u : demo.users()) {
            s.append(String.format("                 %-6s %-34s %s%n", u.key(), u.email(), String.join(",", u.groups())));
        }
        s.append("               e.g. curl -H \"Authorization: Bearer $(curl -s ").append(base)
                .append("/local/token?user=sam)\" ").append(base).append("/me\n");
        s.append("  E-mail       ").append(base).append("/local/mail   (every message sent through the local SES)\n");
        if (!schedules.names().isEmpty()) {
            s.append("  Schedules    ").append(base).append("/local/schedules   (fire one: curl -X POST ")
                    .append(base).append("/local/schedules/<Function>/<Event>)\n");
        }
        s.append("  Logs         ").append(Repo.root().relativize(options.logDir().toAbsolutePath())).append("/<Function>.log\n");
        s.append("  Local AWS    ").append(aws.endpoint()).append("   (moto; AWS_ENDPOINT_URL for the AWS CLI or SDKs)\n");
        if (!demo.seeded().isEmpty()) {
            s.append("  Demo data    ").append(String.join(", ", demo.seeded())).append('\n');
        }
        s.append("\nCtrl-C stops everything.\n");
        return s.toString();
    }

    @Override
    public synchronized void close() {
        closing = true;
        LocalFunction a = archiving;
        if (a != null) {
            a.abandon();
            a.close();
        }
        // the API, schedules, streams and bus first; then every function JVM at once (each may be
        // writing its class-data archive); the local AWS last
        List<AutoCloseable> functionsAndAws = new ArrayList<>();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            AutoCloseable c = closeables.get(i);
            if (c instanceof LocalFunction || c instanceof LocalAws || c instanceof Cognito) {
                functionsAndAws.add(c);
            } else {
                closeQuietly(c);
            }
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (AutoCloseable c : functionsAndAws) {
            if (c instanceof LocalFunction) {
                stopping.add(CompletableFuture.runAsync(() -> closeQuietly(c)));
            }
        }
        stopping.forEach(CompletableFuture::join);
        for (AutoCloseable c : functionsAndAws) {
            if (!(c instanceof LocalFunction)) {
                closeQuietly(c);
            }
        }
        closeables.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort: stop the rest
        }
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) {
        Options options = Options.defaults();
        try {
            String envPort = System.getenv("SPIL_LOCAL_PORT");
            if (envPort != null && !envPort.isBlank()) {
                options = options.withPort(Integer.parseInt(envPort.trim()));
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--port") && i + 1 < args.length) {
                    options = options.withPort(Integer.parseInt(args[++i]));
                } else if (args[i].equals("--no-seed")) {
                    options = new Options(options.port(), false, options.logDir(), options.runtimeDir(), options.out());
                } else {
                    System.err.println("spil-local: unknown option " + args[i] + "; options: --port <n>, --no-seed, --rebuild");
                    System.exit(2);
                }
            }
        } catch (NumberFormatException e) {
            System.err.println("spil-local: a port is a number from 0 to 65535 (" + e.getMessage() + ")");
            System.exit(2);
        }
        LocalCloud cloud;
        try {
            cloud = start(options);
        } catch (CannotStart e) {
            System.err.println("spil-local: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("spil-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        LocalCloud running = cloud;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud…");
            running.close();
        }, "spil-local-stop"));
        System.out.print(cloud.banner());
        System.out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
