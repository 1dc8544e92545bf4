package nl.spil.local;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;

/**
 * The local cloud: all of template.yaml on this machine. {@link #start} brings it up (local AWS and
 * its resources, Cognito with demo users, every function in its own JVM, the HTTP API, schedules,
 * streams and the event bus, demo data); {@link #close} stops every process it started.
 */
public final class LocalCloud implements AutoCloseable {

    /** Password of every demo user (meets the template's password policy). */
    public static final String DEMO_PASSWORD = "Spil-demo-2027";

    /**
     * How to start. {@code eager}: every function's JVM at start, and ready when all have done their
     * init (the old way); otherwise a function's JVM starts when its first event arrives, as on Lambda.
     */
    public record Options(int port, boolean seed, Path logDir, Path runtimeDir, PrintStream out, boolean eager) {
        public static Options defaults() {
            Path root = Repo.root();
            String runtime = System.getProperty("spil.local.runtime");
            return new Options(3000, true, root.resolve(".local-cloud/logs"),
                    runtime == null ? root.resolve("local/target/lambda-runtime") : Path.of(runtime), System.out, false);
        }

        public Options withPort(int p) {
            return new Options(p, seed, logDir, runtimeDir, out, eager);
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
    private final LocalFunctions functions;
    private Template template;
    private LocalAws aws;
    private TemplateTables tables;
    private Cognito cognito;
    private Resolver resolver;
    private HttpApi api;
    private Schedules schedules;
    private DemoData demo;
    private LocalWeb web;
    private Duration startup;
    private ClassDataArchives archives;
    private EventBus bus;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    private LocalCloud(Options options) {
        this.options = options;
        this.functions = new LocalFunctions(options.out());
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
        archives = new ClassDataArchives(options.out(), options.logDir().resolveSibling("cds"));
        template = Template.ofRepo();
        TemplateCheck.check(template);
        Map<String, Path> jars = LocalFunctions.builtJars(template);
        if (!Files.isDirectory(options.runtimeDir())) {
            throw new CannotStart("The Lambda runtime client is missing at " + options.runtimeDir()
                    + "; run ./mvnw -B -q -pl local -am package -DskipTests");
        }
        // the HTTP API's port first: a busy port is known before anything starts
        HttpServer server = HttpApi.bindOrFree(options.port(), options.out());
        try {
            aws = LocalAws.get(Mail.KEPT);
        } catch (IllegalStateException e) {
            server.stop(0);
            throw new CannotStart("The local AWS (moto) cannot start: " + e.getMessage().lines().findFirst().orElse(""));
        }
        closeables.add(aws);
        phases.put("local AWS", System.nanoTime());
        Map<String, String> parameters = new LinkedHashMap<>(LocalAws.TEST_PARAMETERS);
        // the web app's origin is this server's (LocalWeb): CORS and sign-in return addresses resolve to it
        parameters.put("AppOrigin", "http://127.0.0.1:" + server.getAddress().getPort());
        tables = TemplateTables.create(template, aws.dynamoDb(), aws.s3(), aws.sesV2(), aws.secretsManager(), parameters);
        cognito = new Cognito(aws.endpoint());
        closeables.add(cognito);
        Map<String, String> known = new LinkedHashMap<>();
        known.putAll(tables.tables());
        known.putAll(tables.buckets());
        known.putAll(tables.emailIdentities());
        known.putAll(tables.secrets());
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
        bus = new EventBus(template, resolver, functions.byId(), options.out());
        closeables.add(bus);
        functions.create(template, resolver, jars, aws.endpoint(),
                Map.of("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString()), options.runtimeDir(), options.logDir());
        closeables.add(functions);
        if (options.eager()) {
            functions.startAll();
        } else if (options.seed()) {
            // the demo data would start these one after the other; their inits overlap Cognito's set-up instead
            functions.startInBackground(DemoData.functionsCalled(template));
        }
        if (!functionsNeedCognito) {
            cognito.create(template, ids -> resolverWith(parameters, known, ids));
            known.putAll(cognito.physicalIds());
            resolver = resolverWith(parameters, known, Map.of());
        }
        demo = new DemoData(this);
        demo.createUsers();
        if (options.eager()) {
            try {
                functions.awaitInits(Duration.ofSeconds(90));
            } catch (CannotStart e) {
                server.stop(0);
                throw e;
            }
        }

        phases.put(options.eager() ? "functions, Cognito and demo users" : "Cognito and demo users", System.nanoTime());
        ApiRoutes declared = new ApiRoutes(template, resolver, cognito);
        schedules = new Schedules(template, resolver, functions.byId(), options.out());
        api = new HttpApi(server, declared.routes(), functions.byId(), declared.cors(), new LocalPages(demo, schedules, aws));
        closeables.add(api);
        web = LocalWeb.install(this, server, api);
        closeables.add(schedules);
        Streams streams = new Streams(template, resolver, functions.byId(), aws, options.out());
        closeables.add(streams);
        if (options.seed()) {
            demo.seed();
            if (!options.eager()) {
                reclaimWhatOnlyTheDemoDataUsed(declared);
            }
        }
        phases.put("demo data", System.nanoTime());
        startup = Duration.ofNanos(System.nanoTime() - t0);
        phases.put("start", t0);
        archives.writeMissing(functions.byId().values());
    }

    /**
     * As Lambda reclaims idle environments: the JVMs the demo data started stop once it is in,
     * but the one that answers {@code GET /me}, which every page asks first. Each starts again on its
     * next event (its class-data archive makes that start shorter), so memory at rest stays small
     * however many functions the template has.
     */
    private void reclaimWhatOnlyTheDemoDataUsed(ApiRoutes declared) {
        Set<String> keep = declared.routes().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/me"))
                .map(HttpApi.Route::functionId)
                .collect(Collectors.toSet());
        List<LocalFunction> started = functions.byId().values().stream()
                .filter(fn -> fn.pid() > 0 && !keep.contains(fn.name()))
                .toList();
        // in the background: each waits for an invocation in flight (the notifier may still be mailing)
        Thread reclaiming = new Thread(() -> started.forEach(LocalFunction::reclaim), "reclaim-after-demo-data");
        reclaiming.setDaemon(true);
        reclaiming.start();
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

    // ------------------------------------------------------------------ accessors

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + api.port());
    }

    /** Where the local EventBridge answers PutEvents (every bus of the template, and the default one). */
    public URI eventBusEndpoint() {
        return bus.endpoint();
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
        return functions.initDurations();
    }

    public Duration startup() {
        return startup;
    }

    /** An ID token of a demo user (olga, sam, rita, max…). */
    public String token(String user) {
        return demo.token(user);
    }

    List<DemoData.User> demoUsers() {
        return demo.users();
    }

    String poolId() {
        return demo.poolId();
    }

    String clientId() {
        return demo.clientId();
    }

    public Map<String, LocalFunction> functions() {
        return functions.byId();
    }

    Cognito cognito() {
        return cognito;
    }

    List<HttpApi.Route> apiRoutes() {
        return api.routes();
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
        s.append(web.bannerLine(base));
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
        if (archives != null) {
            archives.close();
        }
        // the API, schedules, streams and bus first, then every function JVM at once; the local AWS last
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeQuietly(closeables.get(i));
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
}
