package nl.spil.local;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.RuntimeApi;

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

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The answer of one invocation: the response body, or the error document the runtime posted. */
    public record Result(boolean error, String body, double durationMillis) {
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Duration timeout;
    private final RuntimeApi runtimeApi;
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
    private volatile CompletableFuture<Double> initDone = new CompletableFuture<>();
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
        // sized as a Lambda of its MemorySize: the JVM sees that much memory (and so picks the serial
        // collector and a small initial heap, as on Lambda), not the whole machine's
        String memory = environment.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        this.command = List.of(javaBin, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:MaxRAM=" + memory + "m", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC",
                "-XX:ErrorFile=" + logFile.resolveSibling(name + "-hs_err_pid%p.log"),
                "-D" + RuntimeClientJni.PROPERTY + "=" + RuntimeClientJni.unpackedOnce(runtimeDir, logFile.getParent()),
                "-cp", String.join(File.pathSeparator, cp), RIC_MAIN, handler);
        this.cdsArchive = ClassDataArchives.archiveFor(name, cp, logFile.getParent().resolveSibling("cds"));
        try {
            Files.createDirectories(logFile.getParent());
            this.log = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
            this.runtimeApi = RuntimeApi.start(name, environment.getOrDefault("AWS_REGION", LocalAws.REGION), timeout,
                    log::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        this.environment = Map.copyOf(env);
    }

    public String name() {
        return name;
    }

    private volatile BiConsumer<LocalFunction, Double> initListener;

    /** Told the init duration whenever an invocation had to start the function's JVM first. */
    void onInitOnDemand(BiConsumer<LocalFunction, Double> listener) {
        this.initListener = listener;
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

    public Path logFile() {
        return logFile;
    }

    /** Starts the function's JVM; {@link #awaitInit} tells when the runtime asked for its first event. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is stopped");
        }
        runtimeApi.newProcess();
        CompletableFuture<Double> startedInit = new CompletableFuture<>();
        initDone = startedInit;
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
        long startedNanos = System.nanoTime();
        runtimeApi.firstNext().thenAccept(at -> {
            double ms = (at - startedNanos) / 1e6;
            log.printf("INIT_REPORT Init Duration: %.2f ms%n", ms);
            startedInit.complete(ms);
        });
        log.println("START process " + Instant.now() + ": " + String.join(" ", command.subList(0, 6)) + " … " + RIC_MAIN
                + " " + command.get(command.size() - 1));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        Process started = process;
        started.onExit().thenAccept(p -> {
            synchronized (this) { // not while start() replaces the process
                if (!closed && process == started) {
                    log.println("EXIT process with status " + p.exitValue());
                    String initError = runtimeApi.initError();
                    String why = initError != null ? "init failed: " + initError : name + " exited with status " + p.exitValue();
                    startedInit.completeExceptionally(new IllegalStateException(why));
                    runtimeApi.failAll(why);
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
        takeTurn();
        try {
            Process p = process;
            if (p == null || !p.isAlive()) {
                start();
                double ms = awaitInit(Duration.ofSeconds(60));
                var listener = initListener;
                if (listener != null) {
                    listener.accept(this, ms);
                }
            }
            RuntimeApi.Invocation inv = runtimeApi.enqueue(event.getBytes(StandardCharsets.UTF_8));
            try {
                // the function's Timeout runs from the moment the runtime takes the event, as on Lambda
                CompletableFuture.anyOf(inv.taken(), inv.outcome()).get(60, TimeUnit.SECONDS);
                RuntimeApi.Outcome o = inv.outcome().get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
                return new Result(o.error(), o.body(), o.latencyMillis());
            } catch (TimeoutException e) {
                log.println("TIMEOUT RequestId: " + inv.requestId() + " after " + timeout.toSeconds() + " s: replacing the process");
                runtimeApi.withdraw(inv);
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

    /**
     * Stops the function's JVM as Lambda reclaims an idle execution environment: an invocation in
     * flight finishes first, and the next event starts a fresh JVM (with its init).
     */
    public void reclaim() {
        takeTurn();
        try {
            Process running;
            synchronized (this) { // the exit listener then sees another process and stays quiet
                running = process;
                process = null;
            }
            if (running != null && running.isAlive()) {
                log.println("RECLAIM process " + Instant.now());
                destroy(running);
            }
        } finally {
            oneAtATime.release();
        }
    }

    /** One invocation or reclaim at a time, as one execution environment. */
    private void takeTurn() {
        try {
            oneAtATime.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
                    Files.move(dumping, cdsArchive, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException ignored) {
                // no archive this time
            }
            deleteQuietly(dumping);
        }
        runtimeApi.failAll(name + " stopped");
        runtimeApi.close();
        log.close();
    }
}
