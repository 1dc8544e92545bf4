package nl.spil.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function of template.yaml as Lambda runs it: its own JVM ({@code java -cp <jar>:<runtime client>
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <Handler>}) with the template's
 * environment, driven through a Lambda Runtime API (2018-06-01) this class serves on 127.0.0.1.
 *
 * <p>Like one Lambda execution environment, it handles one invocation at a time; others wait. A
 * process that dies is started again on the next invocation; an invocation that exceeds the
 * function's {@code Timeout} fails and the process is replaced, as on Lambda.
 */
public final class LocalFunction implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String PREFIX = "/2018-06-01/runtime/";
    /** Where the runtime client loads its JNI library from; without it, every JVM writes /tmp/.libaws-lambda-jni.so. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Map<Path, Path> NATIVE = new ConcurrentHashMap<>();

    /**
     * The runtime client's JNI library, unpacked once for this local cloud. The client itself unpacks
     * it to one fixed path, /tmp/.libaws-lambda-jni.so, on every start: JVMs starting together
     * overwrite the file while another maps it, and one dies of SIGBUS in the dynamic loader.
     */
    static Path nativeLibrary(Path runtimeDir, Path into) {
        return NATIVE.computeIfAbsent(into, dir -> {
            String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
            boolean musl;
            try (var libs = Files.list(Path.of("/lib"))) {
                musl = libs.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl"));
            } catch (IOException e) {
                musl = false;
            }
            String name = "libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + arch + ".so";
            try (var files = Files.list(runtimeDir)) {
                Path ric = files.filter(f -> f.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                        .findFirst().orElseThrow(() -> new LocalCloud.CannotStart("No runtime interface client jar in " + runtimeDir));
                try (var zip = new java.util.zip.ZipFile(ric.toFile())) {
                    var entry = zip.getEntry("jni/" + name);
                    if (entry == null) {
                        throw new LocalCloud.CannotStart("The Lambda runtime interface client has no " + name + " for this platform");
                    }
                    Files.createDirectories(dir);
                    Path target = Files.createTempFile(dir, "libaws-lambda-jni-", ".so");
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().deleteOnExit();
                    return target;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The answer of one invocation: the response body, or the error document the runtime posted. */
    public record Result(boolean error, String body, double durationMillis) {
    }

    private record Invocation(String id, byte[] payload, CompletableFuture<Result> result, long[] handedOut,
                              CompletableFuture<Void> started) {
    }

    private final String name;
    private final String functionArn;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Duration timeout;
    private final HttpServer server;
    private final ExecutorService executor;
    private final java.util.concurrent.LinkedBlockingDeque<Invocation> queue = new java.util.concurrent.LinkedBlockingDeque<>();
    /** Changes when a process starts: a {@code next} call of a process that is gone must not take an event. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final Semaphore oneAtATime = new Semaphore(1, true);
    private final PrintStream log;
    /**
     * The function's AppCDS archive (JDK 17 dynamic archive, keyed by its class path's files, sizes
     * and times): written when the process exits after a run without one, used on the next start.
     * Null when switched off ({@code SPIL_LOCAL_CDS=off}) or when the class path holds a folder.
     */
    private final Path cdsArchive;
    private volatile Path cdsDumping;
    private volatile boolean cdsUsed;
    private volatile Process process;
    private volatile long startedNanos;
    private volatile CompletableFuture<Double> initDone = new CompletableFuture<>();
    private volatile String initError;
    private volatile boolean closed;

    LocalFunction(String name, Path jar, String handler, Path runtimeDir, Map<String, String> environment,
                  Path logFile, Duration timeout) {
        this(name, jar, handler, runtimeDir, environment, logFile, timeout, false);
    }

    private final boolean archiver;
    private final Path jar;
    private final String handler;
    private final Path runtimeDir;
    private final Map<String, String> givenEnvironment;
    private volatile boolean abandoned;

    private LocalFunction(String name, Path jar, String handler, Path runtimeDir, Map<String, String> environment,
                          Path logFile, Duration timeout, boolean archiver) {
        this.archiver = archiver;
        this.jar = jar;
        this.handler = handler;
        this.runtimeDir = runtimeDir;
        this.givenEnvironment = environment;
        this.name = name;
        this.functionArn = "arn:aws:lambda:" + environment.getOrDefault("AWS_REGION", "eu-west-1") + ":123456789012:function:" + name;
        this.logFile = logFile;
        this.timeout = timeout;
        List<String> cp = new ArrayList<>();
        cp.add(jar.toString());
        try (var files = Files.list(runtimeDir)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> cp.add(f.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.command = List.of(javaBin, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:ErrorFile=" + logFile.resolveSibling(name + "-hs_err_pid%p.log"),
                "-D" + JNI_PROPERTY + "=" + nativeLibrary(runtimeDir, logFile.getParent()),
                "-cp", String.join(java.io.File.pathSeparator, cp), RIC_MAIN, handler);
        this.cdsArchive = classDataArchive(name, cp, logFile.getParent().resolveSibling("cds"));
        try {
            Files.createDirectories(logFile.getParent());
            this.log = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        this.environment = Map.copyOf(env);
    }

    public String name() {
        return name;
    }

    /** How the current process uses the class-data archive, for the REPORT line; null without one. */
    public String classData() {
        return cdsArchive == null ? null : cdsUsed ? "class-data archive" : null;
    }

    /** Whether this function could start faster with a class-data archive it does not have yet. */
    boolean needsArchive() {
        return cdsArchive != null && !Files.isRegularFile(cdsArchive);
    }

    /**
     * A second process of this function, with its own Runtime API, that only starts (init) and
     * stops, writing the class-data archive as it exits: the archive is made beside the running
     * local cloud, so neither its start nor Ctrl-C waits for it.
     */
    LocalFunction archiver() {
        return new LocalFunction(name, jar, handler, runtimeDir, givenEnvironment,
                logFile.resolveSibling(name + ".class-data.log"), Duration.ofSeconds(3), true);
    }

    /** Stop without waiting for an archive being written (the local cloud is stopping). */
    void abandon() {
        abandoned = true;
    }

    private static Path classDataArchive(String name, List<String> cp, Path dir) {
        if ("off".equalsIgnoreCase(System.getenv("SPIL_LOCAL_CDS"))) {
            return null;
        }
        StringBuilder key = new StringBuilder(System.getProperty("java.vm.version"));
        try {
            for (String entry : cp) {
                Path p = Path.of(entry);
                if (!Files.isRegularFile(p)) {
                    return null; // the JVM archives only jar class paths
                }
                key.append('|').append(p.toAbsolutePath()).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis());
            }
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(dir);
            return dir.resolve(name + "-" + java.util.HexFormat.of().formatHex(digest, 0, 8) + ".jsa");
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the function's JVM; {@link #awaitInit} tells when the runtime asked for its first event. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is stopped");
        }
        generation.incrementAndGet();
        initDone = new CompletableFuture<>();
        initError = null;
        List<String> cmd = new ArrayList<>(command);
        cdsUsed = false;
        if (cdsDumping != null) {
            deleteQuietly(cdsDumping); // the process that was writing it did not finish
            cdsDumping = null;
        }
        if (cdsArchive != null) {
            if (Files.isRegularFile(cdsArchive)) {
                cmd.add(1, "-XX:SharedArchiveFile=" + cdsArchive);
                cdsUsed = true;
            } else if (archiver) {
                cdsDumping = cdsArchive.resolveSibling(cdsArchive.getFileName() + ".tmp");
                deleteQuietly(cdsDumping);
                cmd.add(1, "-XX:ArchiveClassesAtExit=" + cdsDumping);
            }
            cmd.add(1, "-Xlog:cds=off,cds+dynamic=off");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().clear();
        pb.environment().putAll(environment);
        startedNanos = System.nanoTime();
        log.println("START process " + Instant.now() + ": " + String.join(" ", command.subList(0, 6)) + " … " + RIC_MAIN
                + " " + command.get(command.size() - 1));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        Process started = process;
        long startedGeneration = generation.get();
        CompletableFuture<Double> startedInit = initDone;
        started.onExit().thenAccept(p -> {
            synchronized (this) { // not while start() replaces the process
                if (!closed && generation.get() == startedGeneration) {
                    log.println("EXIT process with status " + p.exitValue());
                    String why = initError != null ? "init failed: " + initError : name + " exited with status " + p.exitValue();
                    startedInit.completeExceptionally(new IllegalStateException(why));
                    failInFlight(why);
                }
            }
        });
    }

    /** Init Duration in milliseconds, once the runtime made its first {@code next} call. */
    public double awaitInit(Duration wait) {
        try {
            return initDone.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not finish init within " + wait.toSeconds() + " s; see " + logFile);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "; see " + logFile, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Invokes the function with an event (JSON) and waits for its answer. */
    public Result invoke(String event) {
        try {
            oneAtATime.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Process p = process;
            if (p == null || !p.isAlive()) {
                start();
                awaitInit(Duration.ofSeconds(60));
            }
            Invocation inv = new Invocation(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                    new CompletableFuture<>(), new long[1], new CompletableFuture<>());
            inFlight.put(inv.id(), inv);
            queue.add(inv);
            try {
                // the function's Timeout runs from the moment the runtime takes the event, as on Lambda
                CompletableFuture.anyOf(inv.started(), inv.result()).get(60, TimeUnit.SECONDS);
                return inv.result().get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.println("TIMEOUT RequestId: " + inv.id() + " after " + timeout.toSeconds() + " s: replacing the process");
                inFlight.remove(inv.id());
                queue.remove(inv);
                destroy(process);
                return new Result(true, "{\"errorMessage\":\"Task timed out after " + timeout.toSeconds() + " seconds\","
                        + "\"errorType\":\"Sandbox.Timedout\"}", timeout.toMillis());
            } catch (ExecutionException e) {
                return new Result(true, "{\"errorMessage\":" + Json.quote(e.getCause().getMessage())
                        + ",\"errorType\":\"Runtime.ExitError\"}", 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } finally {
            oneAtATime.release();
        }
    }

    private void failInFlight(String why) {
        for (Invocation inv : List.copyOf(inFlight.values())) {
            inFlight.remove(inv.id());
            inv.result().completeExceptionally(new IllegalStateException(why));
        }
        queue.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String rest = path.substring(PREFIX.length());
            String method = x.getRequestMethod();
            if (method.equals("GET") && rest.equals("invocation/next")) {
                if (!initDone.isDone()) {
                    double ms = (System.nanoTime() - startedNanos) / 1e6;
                    log.printf("INIT_REPORT Init Duration: %.2f ms%n", ms);
                    initDone.complete(ms);
                }
                long mine = generation.get();
                Invocation inv = null;
                try {
                    while (inv == null) {
                        inv = queue.poll(200, TimeUnit.MILLISECONDS);
                        if (generation.get() != mine || closed) {
                            if (inv != null) {
                                queue.putFirst(inv);
                            }
                            return; // this caller's process was replaced
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                inv.handedOut()[0] = System.nanoTime();
                inv.started().complete(null);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", inv.id());
                x.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + timeout.toMillis()));
                x.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                x.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + inv.id().replace("-", "").substring(0, 24)
                                + ";Parent=" + inv.id().replace("-", "").substring(0, 16) + ";Sampled=0");
                log.println("START RequestId: " + inv.id() + " Version: $LATEST");
                try {
                    x.sendResponseHeaders(200, inv.payload().length);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write(inv.payload());
                    }
                } catch (IOException e) {
                    queue.addFirst(inv); // the process went away before it got the event
                    throw e;
                }
            } else if (method.equals("POST") && rest.startsWith("invocation/")
                    && (rest.endsWith("/response") || rest.endsWith("/error"))) {
                boolean error = rest.endsWith("/error");
                String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Invocation inv = inFlight.remove(id);
                if (inv == null) {
                    reply(x, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                double ms = (System.nanoTime() - inv.handedOut()[0]) / 1e6;
                if (error) {
                    log.println("ERROR RequestId: " + id + " " + body);
                }
                log.printf("END RequestId: %s%nREPORT RequestId: %s Duration: %.2f ms%n", id, id, ms);
                reply(x, 202, "{\"status\":\"OK\"}");
                inv.result().complete(new Result(error, body, ms));
            } else if (method.equals("POST") && rest.equals("init/error")) {
                initError = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                log.println("INIT_ERROR " + initError);
                reply(x, 202, "{\"status\":\"OK\"}");
            } else {
                x.getRequestBody().readAllBytes();
                reply(x, 404, "{\"errorMessage\":\"no such route\"}");
            }
        } catch (IOException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The process id of the function's JVM, or -1. */
    public long pid() {
        Process p = process;
        return p == null || !p.isAlive() ? -1 : p.pid();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // next start tries again
        }
    }

    private static void destroy(Process p) {
        destroy(p, 3);
    }

    private static void destroy(Process p, int graceSeconds) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) {
            Process running = process;
            if (abandoned && running != null) {
                running.destroyForcibly(); // another thread may be waiting for its archive
            }
            return;
        }
        closed = true;
        Process p = process;
        Path dumping = cdsDumping;
        destroy(p, dumping == null ? 3 : abandoned ? 0 : 120); // writing the archive takes seconds
        if (dumping != null && p != null) {
            try {
                if (!abandoned && !p.isAlive() && p.exitValue() != 137 && Files.size(dumping) > 0) {
                    Files.move(dumping, cdsArchive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException ignored) {
                // no archive this time
            }
            deleteQuietly(dumping);
        }
        failInFlight(name + " stopped");
        server.stop(0);
        executor.shutdownNow();
        log.close();
    }
}
