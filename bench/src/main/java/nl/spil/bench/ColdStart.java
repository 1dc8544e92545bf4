package nl.spil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.RuntimeApi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start benchmark: every subject (a Lambda artifact, its handler, one event) is started
 * {@code --runs} times in a fresh JVM through the real runtime interface client against a
 * {@link RuntimeApi}, and invoked {@code --invokes} times per JVM; subjects take turns run by
 * run. See bench/README.md for what the figures mean.
 */
public final class ColdStart {
    static final String DEFAULT_DIRECTORY = "directory=functions/directory/target/directory-lambda.jar"
            + ":nl.spil.platform.http.HttpFunction"
            + ":events/directory/get-me.json";
    static final String DEFAULT_PLAIN = "plain=bench/target/plain-baseline.jar"
            + ":nl.spil.bench.PlainHandler"
            + ":bench/events/plain-get-me.json";
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    /** One JVM's figures. */
    record Run(double initMs, double firstMs, double lastMs, double last100P50Ms, double initCpuMs, double coldCpuMs) {
        double coldMs() {
            return initMs + firstMs;
        }
    }

    /** A failure that has already been explained; main prints it and exits 1. */
    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }

    private int runs = 7;
    private int invokes = 1000;
    private int warmup = 1;
    private final List<String> specs = new ArrayList<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final java.util.Set<Integer> acceptedStatus = new java.util.TreeSet<>();
    private String javaCmd;
    private String awsEndpoint;
    private String python;
    private Path root = Path.of("").toAbsolutePath();
    private Path ricDir;
    private Path out;

    public static void main(String[] args) throws Exception {
        ColdStart bench = new ColdStart();
        // on Ctrl-C, take down the function JVM and moto this run started
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        try {
            bench.parse(args);
            bench.run();
        } catch (IllegalArgumentException | BenchFailure e) {
            System.err.println();
            System.err.println("cold-start: " + e.getMessage());
            System.exit(1);
        }
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = positive(a, value(args, ++i, a));
                case "--invokes" -> invokes = positive(a, value(args, ++i, a));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--subject" -> specs.add(value(args, ++i, a));
                case "--java" -> javaCmd = value(args, ++i, a);
                case "--jvm-arg" -> jvmArgs.add(value(args, ++i, a));
                case "--accept-status" -> acceptedStatus.add(positive(a, value(args, ++i, a)));
                case "--aws-endpoint" -> awsEndpoint = value(args, ++i, a);
                case "--python" -> python = value(args, ++i, a);
                case "--root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--ric" -> ricDir = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--env" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env takes K=V, not " + kv);
                    }
                    extraEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                    }
                    specs.add(a);
                }
            }
        }
        if (specs.isEmpty()) {
            specs.add(DEFAULT_DIRECTORY);
            specs.add(DEFAULT_PLAIN);
        }
        if (javaCmd == null) {
            String home = System.getenv("JAVA_HOME");
            javaCmd = home != null && Files.isExecutable(Path.of(home, "bin", "java"))
                    ? Path.of(home, "bin", "java").toString() : "java";
        }
        ricDir = root.resolve(ricDir != null ? ricDir : Path.of("bench/target/ric"));
        out = root.resolve(out != null ? out : Path.of("bench/target/cold-start.txt"));
    }

    static String usage() {
        return """
                usage: bench/cold-start [options] [name=artifactJar:handlerClass:eventJsonFile ...]
                  --runs N            fresh JVMs per subject (default 7); the figures are medians over them
                  --invokes N         invokes per JVM (default 1000); invoke_N is the last one
                  --warmup N          unreported JVM starts per subject first (default 1, one invoke each)
                  --subject SPEC      a subject (repeatable; a bare SPEC argument does the same)
                                      default: %s
                                               %s
                  --java PATH         the java that runs the functions (default $JAVA_HOME/bin/java, else java)
                  --jvm-arg ARG       extra flag for the functions' JVM (repeatable)
                  --env K=V           extra or overriding environment for the functions (repeatable)
                  --aws-endpoint URL  use this DynamoDB endpoint instead of starting moto
                  --python PATH       python for local/moto/serialized_moto.py (default: as the tests find it)
                  --root DIR          repository root; relative paths start here (default: current directory)
                  --ric DIR           jars of the runtime interface client (default bench/target/ric)
                  --accept-status N   also accept this HTTP status (repeatable; diagnostics only, e.g. 404 from a
                                      function whose route is not there yet: the summary says so)
                  --out FILE          where the summary goes too (default bench/target/cold-start.txt)
                  (bench/cold-start also takes --rebuild: build the functions and the bench even when present)
                """.formatted(DEFAULT_DIRECTORY, DEFAULT_PLAIN);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String v) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + v);
        }
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    private void run() throws Exception {
        List<Subject> subjects = new ArrayList<>();
        for (String spec : specs) {
            Subject s = Subject.parse(spec, root);
            if (subjects.stream().anyMatch(o -> o.name().equals(s.name()))) {
                throw new IllegalArgumentException("two subjects are named " + s.name());
            }
            subjects.add(s);
        }
        String ricClasspath = ricClasspath();
        String jdk = describeJava();
        Path logs = root.resolve("bench/target/cold-start-logs");
        Path taskRoot = root.resolve("bench/target/cold-start-task");
        Files.createDirectories(logs);
        Files.createDirectories(taskRoot);

        Map<String, String> baseEnv = functionEnv();
        log("java      " + jdk);
        LocalAws moto = awsEndpoint != null ? null : startLocalAws();
        try (moto) {
            String endpoint = moto == null ? awsEndpoint : moto.endpoint().toString();
            log("local AWS " + endpoint + " (" + (moto == null ? "given endpoint" : "log " + moto.logFile()) + ")");
            prepare(endpoint, baseEnv, subjects);

            Map<String, List<Run>> results = new LinkedHashMap<>();
            subjects.forEach(s -> results.put(s.name(), new ArrayList<>()));
            for (int w = 1; w <= warmup; w++) {
                for (Subject s : subjects) {
                    Run r = measure(s, endpoint, baseEnv, ricClasspath, taskRoot, logs, "warmup" + w, 1, w == 1);
                    log(String.format(Locale.ROOT, "warmup %d/%d %-12s init %5.0f ms  first %5.0f ms  (not counted)",
                            w, warmup, s.name(), r.initMs(), r.firstMs()));
                }
            }
            for (int run = 1; run <= runs; run++) {
                // take turns, and swap who goes first each run, so drift and order hit all subjects alike
                List<Subject> order = new ArrayList<>(subjects);
                if (run % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Subject s : order) {
                    Run r = measure(s, endpoint, baseEnv, ricClasspath, taskRoot, logs, "run" + run, invokes,
                            warmup == 0 && run == 1);
                    results.get(s.name()).add(r);
                    log(String.format(Locale.ROOT,
                            "run %d/%d %-12s init %5.0f ms (cpu %5.0f)  first %5.0f ms  cold %5.0f ms (cpu %5.0f)  invoke#%d %6.2f ms  p50(last100) %6.2f ms",
                            run, runs, s.name(), r.initMs(), r.initCpuMs(), r.firstMs(), r.coldMs(), r.coldCpuMs(), invokes,
                            r.lastMs(), r.last100P50Ms()));
                }
            }
            String summary = summary(subjects, results, jdk);
            System.out.println();
            System.out.print(summary);
            Files.createDirectories(out.getParent());
            Files.writeString(out, summary + rawRuns(subjects, results));
            log("written   " + root.relativize(out));
        }
    }

    /** The kit's local AWS (local/moto/serialized_moto.py), with --python and --root as given. */
    private LocalAws startLocalAws() {
        System.setProperty("spil.repo.root", root.toString());
        if (python != null) {
            System.setProperty("spil.python", python);
        }
        return LocalAws.get();
    }

    /** The environment every function JVM gets: Lambda's own variables, Spil's, then --env. */
    private Map<String, String> functionEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("TABLE_NAME", "spil-bench");
        env.put("OUTBOX_TABLE", "spil-bench-outbox");
        env.put("DEFAULT_SITE_ZONE", "Europe/Amsterdam");
        env.put("OFFICE_NAME", "Spil");
        env.put("USER_POOL_ID", "eu-west-1_bench"); // the directory's pool; "me" of a linked person never calls it
        env.putAll(extraEnv);
        return env;
    }

    private void prepare(String endpoint, Map<String, String> env, List<Subject> subjects) {
        try (DynamoDbClient db = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(env.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            var tables = BenchData.tableNames(env);
            BenchData.createTables(db, tables);
            List<String> items = BenchData.seed(db, env.get("TABLE_NAME"), subjects);
            log("tables    " + String.join(", ", tables));
            log("seeded    " + String.join(", ", items) + " in " + env.get("TABLE_NAME"));
        }
    }

    private Run measure(Subject s, String endpoint, Map<String, String> baseEnv, String ricClasspath, Path taskRoot,
                        Path logs, String label, int count, boolean showSample) throws Exception {
        Path log = logs.resolve(s.name() + "-" + label + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCmd);
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(s.artifact() + File.pathSeparator + ricClasspath);
        cmd.add(RIC_MAIN);
        cmd.add(s.handler());

        try (RuntimeApi api = RuntimeApi.start(s.name(), "eu-west-1", Duration.ofSeconds(900), line -> { })) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.clear();
            env.putAll(baseEnv);
            env.put("AWS_ENDPOINT_URL", endpoint);
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", s.name());
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + s.name());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench/" + label);
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("_HANDLER", s.handler());
            env.putAll(extraEnv);

            // the first event is waiting before the JVM exists, as for a real cold start
            RuntimeApi.Invocation firstInvocation = api.enqueue(s.eventBytes());
            long started = System.nanoTime();
            Process p = pb.start();
            try {
                long initDone = awaitInit(api, p, s, log, cmd);
                double initMs = (initDone - started) / 1e6;
                double initCpuMs = cpuMillis(p);
                RuntimeApi.Outcome first = awaitOutcome(firstInvocation, p, s, log, 1);
                double coldCpuMs = cpuMillis(p);
                if (showSample) {
                    log("sample    " + s.name() + " answered " + abbreviate(first.body(), 300));
                }
                double[] latencies = new double[count];
                latencies[0] = first.latencyMillis();
                for (int i = 1; i < count; i++) {
                    latencies[i] = awaitOutcome(api.enqueue(s.eventBytes()), p, s, log, i + 1).latencyMillis();
                }
                double[] tail = Arrays.copyOfRange(latencies, Math.max(1, count - 100), count);
                return new Run(initMs, latencies[0], latencies[count - 1], tail.length == 0 ? latencies[0] : median(tail),
                        initCpuMs, coldCpuMs);
            } finally {
                stop(p);
            }
        }
    }

    private long awaitInit(RuntimeApi api, Process p, Subject s, Path log, List<String> cmd) throws InterruptedException {
        long deadline = System.nanoTime() + INIT_TIMEOUT.toNanos();
        while (true) {
            long t = api.firstNext().getNow(-1L);
            if (t >= 0) {
                return t;
            }
            if (api.initError() != null) {
                throw failure(s, "init failed, /init/error said: " + api.initError(), log, cmd);
            }
            if (!p.isAlive()) {
                throw failure(s, "the runtime exited with " + p.exitValue() + " before asking for an event", log, cmd);
            }
            if (System.nanoTime() > deadline) {
                throw failure(s, "no /invocation/next within " + INIT_TIMEOUT.toSeconds() + " s", log, cmd);
            }
            Thread.sleep(1);
        }
    }

    private RuntimeApi.Outcome awaitOutcome(RuntimeApi.Invocation inv, Process p, Subject s, Path log, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + INVOKE_TIMEOUT.toNanos();
        RuntimeApi.Outcome o = null;
        while (o == null) {
            try {
                o = inv.outcome().get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                o = null;
            } catch (ExecutionException e) {
                throw failure(s, "invoke " + n + ": " + e.getCause().getMessage(), log, null);
            }
            if (o == null && !p.isAlive()) {
                throw failure(s, "the runtime exited with " + p.exitValue() + " during invoke " + n, log, null);
            }
            if (o == null && System.nanoTime() > deadline) {
                throw failure(s, "no answer to invoke " + n + " within " + INVOKE_TIMEOUT.toSeconds() + " s", log, null);
            }
        }
        if (o.error()) {
            throw failure(s, "invoke " + n + " failed, /error said: " + o.body(), log, null);
        }
        String problem = checkResponse(o.body(), acceptedStatus);
        if (problem != null) {
            throw failure(s, "invoke " + n + ": " + problem + "\nresponse: " + abbreviate(o.body(), 4000), log, null);
        }
        return o;
    }

    /** Null when the answer is an API Gateway response with a 2xx status and a body. */
    static String checkResponse(String body, java.util.Set<Integer> alsoAccepted) {
        JsonNode parsed;
        try {
            parsed = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            return "the answer is not JSON (" + e.getMessage() + ")";
        }
        JsonNode status = parsed.path("statusCode");
        if (!status.isNumber()
                || (status.intValue() < 200 || status.intValue() > 299) && !alsoAccepted.contains(status.intValue())) {
            return "statusCode is " + status + ", not 2xx";
        }
        JsonNode b = parsed.path("body");
        if (!b.isTextual() || b.asText().isEmpty()) {
            return "the answer has no body";
        }
        return null;
    }

    private BenchFailure failure(Subject s, String what, Path log, List<String> cmd) {
        StringBuilder m = new StringBuilder("subject ").append(s.name()).append(": ").append(what);
        if (cmd != null) {
            m.append("\ncommand: ").append(String.join(" ", cmd));
        }
        m.append("\n--- last lines of the function's stdout/stderr (").append(log).append(") ---\n")
                .append(tail(log, 80));
        return new BenchFailure(m.toString());
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    /**
     * CPU time (all threads, user + system) the function's JVM has used so far; Linux counts it in
     * 10 ms ticks. Lambda at 1024 MB gives a function about 0.6 of a vCPU, so this predicts Lambda's
     * init better than wall time on a multi-core machine that other work shares. -1 when unknown.
     */
    private static double cpuMillis(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String ricClasspath() throws IOException {
        if (!Files.isDirectory(ricDir)) {
            throw new IllegalArgumentException("no runtime interface client jars in " + ricDir
                    + " (./mvnw -B -q -pl bench package makes them)");
        }
        try (Stream<Path> jars = Files.list(ricDir)) {
            List<String> cp = jars.filter(f -> f.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
            if (cp.stream().noneMatch(j -> j.contains("runtime-interface-client"))) {
                throw new IllegalArgumentException("no aws-lambda-java-runtime-interface-client jar in " + ricDir);
            }
            return String.join(File.pathSeparator, cp);
        }
    }

    private String describeJava() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(javaCmd, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + javaCmd + ": " + e.getMessage());
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String version = prop(text, "java.runtime.version");
        String vendor = prop(text, "java.vendor");
        String home = prop(text, "java.home");
        return (vendor == null ? "" : vendor + " ") + (version == null ? "?" : version) + " at " + home;
    }

    private static String prop(String settings, String key) {
        for (String line : settings.split("\n")) {
            String t = line.trim();
            if (t.startsWith(key + " = ")) {
                return t.substring(key.length() + 3).trim();
            }
        }
        return null;
    }

    private String summary(List<Subject> subjects, Map<String, List<Run>> results, String jdk) throws IOException {
        Subject base = subjects.stream().filter(s -> s.name().equals("plain")).findFirst()
                .orElse(subjects.get(subjects.size() - 1));
        StringBuilder b = new StringBuilder();
        b.append("# cold start, median of ").append(runs).append(" fresh JVMs per subject, ")
                .append(invokes).append(" invokes each; ratio = subject / ").append(base.name()).append('\n');
        b.append("jdk ").append(jdk).append('\n');
        b.append("jvm_flags ").append(String.join(" ", JVM_FLAGS));
        jvmArgs.forEach(a -> b.append(' ').append(a));
        b.append('\n');
        if (!acceptedStatus.isEmpty()) {
            b.append("# WARNING: answers with status ").append(acceptedStatus).append(" were accepted as success\n");
        }
        line(b, "init_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::initMs).toArray()), 0);
        line(b, "first_invoke_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::firstMs).toArray()), 0);
        line(b, "cold_total_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::coldMs).toArray()), 0);
        line(b, "init_cpu_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::initCpuMs).toArray()), 0);
        line(b, "cold_total_cpu_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::coldCpuMs).toArray()), 0);
        line(b, "invoke_" + invokes + "_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::lastMs).toArray()), 2);
        line(b, "invoke_last100_p50_ms", subjects, base, s -> median(results.get(s.name()).stream().mapToDouble(Run::last100P50Ms).toArray()), 2);
        line(b, "artifact_bytes", subjects, base, s -> {
            try {
                return (double) s.artifactBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0);
        return b.toString();
    }

    private static void line(StringBuilder b, String metric, List<Subject> subjects, Subject base,
                             java.util.function.ToDoubleFunction<Subject> f, int decimals) {
        b.append(metric);
        Map<String, Double> v = new LinkedHashMap<>();
        for (Subject s : subjects) {
            v.put(s.name(), f.applyAsDouble(s));
            b.append(' ').append(s.name()).append('=').append(format(v.get(s.name()), decimals));
        }
        double baseValue = v.get(base.name());
        List<Subject> others = subjects.stream().filter(s -> s != base).toList();
        for (Subject s : others) {
            b.append(others.size() == 1 ? " ratio=" : " ratio_" + s.name() + "=");
            b.append(baseValue > 0 ? String.format(Locale.ROOT, "%.2f", v.get(s.name()) / baseValue) : "n/a");
        }
        b.append('\n');
    }

    private String rawRuns(List<Subject> subjects, Map<String, List<Run>> results) {
        StringBuilder b = new StringBuilder("\n# every run: init_ms first_invoke_ms cold_total_ms invoke_")
                .append(invokes).append("_ms invoke_last100_p50_ms init_cpu_ms cold_total_cpu_ms\n");
        for (Subject s : subjects) {
            List<Run> rs = results.get(s.name());
            for (int i = 0; i < rs.size(); i++) {
                Run r = rs.get(i);
                b.append(String.format(Locale.ROOT, "# %s run%d %.0f %.0f %.0f %.2f %.2f %.0f %.0f%n",
                        s.name(), i + 1, r.initMs(), r.firstMs(), r.coldMs(), r.lastMs(), r.last100P50Ms(),
                        r.initCpuMs(), r.coldCpuMs()));
            }
        }
        return b.toString();
    }

    private static String format(double v, int decimals) {
        return decimals == 0 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }

    private static void log(String line) {
        System.err.println(line);
    }
}
