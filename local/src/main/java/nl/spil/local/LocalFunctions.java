package nl.spil.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.spil.localkit.FunctionEnvironment;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;

/**
 * Every function of template.yaml as a {@link LocalFunction}: made from the template (its CodeUri
 * jar, Handler, Timeout and environment); each JVM starts when the function's first event
 * arrives, as on Lambda (or all at once: {@link #startAll}); stopped together.
 */
final class LocalFunctions implements AutoCloseable {

    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Double> initDurations = new LinkedHashMap<>();
    private final PrintStream out;

    LocalFunctions(PrintStream out) {
        this.out = out;
    }

    /** The CodeUri jar of every function, or {@link LocalCloud.CannotStart} naming the first one not built. */
    static Map<String, Path> builtJars(Template template) {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String f : template.functions()) {
            String codeUri = template.codeUri(f);
            Path jar = Repo.root().resolve(codeUri);
            if (!Files.isRegularFile(jar)) {
                throw new LocalCloud.CannotStart(f + ": CodeUri " + codeUri + " is not built; run ./mvnw -B -q package -DskipTests");
            }
            jars.put(f, jar);
        }
        return jars;
    }

    /** The functions by logical id; the same map all along (routes and event sources hold it before it is filled). */
    Map<String, LocalFunction> byId() {
        return functions;
    }

    /** Makes every function (no JVM yet), with Lambda's environment plus {@code extraEnvironment}. */
    void create(Template template, Resolver resolver, Map<String, Path> jars, URI awsEndpoint,
                Map<String, String> extraEnvironment, Path runtimeDir, Path logDir) {
        for (String f : template.functions()) {
            Map<String, String> env = environment(template, resolver, f, awsEndpoint);
            env.putAll(extraEnvironment);
            Object timeout = template.functionProperty(f, "Timeout");
            LocalFunction fn = new LocalFunction(f, jars.get(f), template.handler(f), runtimeDir, env, logDir.resolve(f + ".log"),
                    Duration.ofSeconds(timeout == null ? 3 : Long.parseLong(resolver.resolveString(timeout))));
            fn.onInitOnDemand(this::report);
            functions.put(f, fn);
        }
    }

    /** Lambda's variables (those of a Java 17 runtime too), then the template's (Globals and own, resolved). */
    private static Map<String, String> environment(Template template, Resolver resolver, String functionId, URI awsEndpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionId);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.putAll(FunctionEnvironment.of(template, functionId, resolver, awsEndpoint).variables());
        return env;
    }

    /** Starts every function's JVM at once. */
    void startAll() {
        functions.values().forEach(LocalFunction::start);
    }

    /** Starts these functions' JVMs now, without waiting: each prints its REPORT line when its init is done. */
    void startInBackground(Collection<String> ids) {
        for (String id : ids) {
            LocalFunction fn = functions.get(id);
            fn.start();
            CompletableFuture.runAsync(() -> report(fn, fn.awaitInit(Duration.ofSeconds(90))))
                    .exceptionally(e -> null); // its first invocation says what went wrong
        }
    }

    /** Waits for every started function's init, printing a REPORT line for each. */
    void awaitInits(Duration wait) {
        List<CompletableFuture<Void>> inits = new ArrayList<>();
        for (LocalFunction fn : functions.values()) {
            inits.add(CompletableFuture.runAsync(() -> report(fn, fn.awaitInit(wait))));
        }
        try {
            CompletableFuture.allOf(inits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new LocalCloud.CannotStart(e.getCause().getMessage());
        }
    }

    private void report(LocalFunction fn, double ms) {
        synchronized (initDurations) {
            initDurations.put(fn.name(), ms);
        }
        String cds = fn.classData();
        out.printf("REPORT %s Init Duration: %.2f ms (%slog: %s)%n", fn.name(), ms,
                cds == null ? "" : cds + "; ", Repo.root().relativize(fn.logFile().toAbsolutePath()));
    }

    Map<String, Double> initDurations() {
        synchronized (initDurations) {
            return Map.copyOf(initDurations);
        }
    }

    /** Stops every function at once (each may be writing its class-data archive). */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (LocalFunction fn : functions.values()) {
            stopping.add(CompletableFuture.runAsync(fn::close));
        }
        stopping.forEach(CompletableFuture::join);
    }
}
