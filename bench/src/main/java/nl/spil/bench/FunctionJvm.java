package nl.spil.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.spil.localkit.RuntimeApi;

/**
 * Starts a subject in a fresh JVM through the real runtime interface client, against a
 * {@link RuntimeApi} of its own, as Lambda does:
 * {@code java <flags> -cp <artifact>:<runtime client> …AWSLambda <handler>}, with a clean environment
 * (the subject's, plus the Runtime API's address). The first event is queued before the JVM exists.
 */
final class FunctionJvm {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(180);
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    /** One JVM's figures. */
    record Run(double initMs, double firstMs, double lastMs, double last100P50Ms, double initCpuMs, double coldCpuMs) {
        double coldMs() {
            return initMs + firstMs;
        }
    }

    /** A failure that has already been explained; the command prints it and exits 1. */
    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }

    private final List<String> javaAndFlags;
    private final String ricClasspath;
    private final Path taskRoot;
    private final Path logs;

    FunctionJvm(List<String> javaAndFlags, String ricClasspath, Path taskRoot, Path logs) throws IOException {
        this.javaAndFlags = javaAndFlags;
        this.ricClasspath = ricClasspath;
        this.taskRoot = taskRoot;
        this.logs = logs;
        Files.createDirectories(taskRoot);
        Files.createDirectories(logs);
    }

    /**
     * One JVM that is sent the subject's candidate events in turn until one gets a good answer
     * ({@link Subject.Kind#accepts}); answers that one. Fails, with every answer, when none does: a
     * jar without its routes, or a handler that cannot run, stops here.
     */
    Subject.Candidate probe(Subject s) throws Exception {
        if (s.candidates().isEmpty()) {
            throw new BenchFailure("subject " + s.name() + ": no event to send it (add one to the module's events/: "
                    + "see bench/README.md, 'Subjects')");
        }
        try (Started jvm = start(s, "probe", s.candidates().get(0).bytes())) {
            jvm.awaitInit();
            List<String> refused = new ArrayList<>();
            RuntimeApi.Invocation inv = jvm.first;
            for (int i = 0; i < s.candidates().size(); i++) {
                Subject.Candidate c = s.candidates().get(i);
                if (i > 0) {
                    inv = jvm.api.enqueue(c.bytes());
                }
                RuntimeApi.Outcome o = jvm.await(inv, i + 1);
                String problem = o.error() ? "the handler failed: " + abbreviate(o.body(), 2000) : s.kind().accepts(o.body());
                if (problem == null) {
                    return c;
                }
                refused.add(c.source() + ": " + problem + (o.error() ? "" : "\n    answer: " + abbreviate(o.body(), 600)));
            }
            throw jvm.failure("no event got a good answer:\n  " + String.join("\n  ", refused));
        }
    }

    /** A fresh JVM, {@code invokes} events one after the other, the figures. */
    Run measure(Subject s, byte[] event, String label, int invokes) throws Exception {
        try (Started jvm = start(s, label, event)) {
            long initDone = jvm.awaitInit();
            double initMs = (initDone - jvm.startedNanos) / 1e6;
            double initCpuMs = cpuMillis(jvm.process);
            RuntimeApi.Outcome first = jvm.awaitGood(jvm.first, 1, s);
            double coldCpuMs = cpuMillis(jvm.process);
            double[] latencies = new double[invokes];
            latencies[0] = first.latencyMillis();
            for (int i = 1; i < invokes; i++) {
                latencies[i] = jvm.awaitGood(jvm.api.enqueue(event), i + 1, s).latencyMillis();
            }
            double[] tail = Arrays.copyOfRange(latencies, Math.max(1, invokes - 100), invokes);
            return new Run(initMs, latencies[0], latencies[invokes - 1], tail.length == 0 ? latencies[0] : median(tail),
                    initCpuMs, coldCpuMs);
        }
    }

    private Started start(Subject s, String label, byte[] firstEvent) throws IOException {
        Path log = logs.resolve(s.name() + "-" + label + ".log");
        List<String> cmd = new ArrayList<>(javaAndFlags);
        cmd.addAll(s.jvmArgs());
        cmd.add("-cp");
        cmd.add(s.artifact() + File.pathSeparator + ricClasspath);
        cmd.add(RIC_MAIN);
        cmd.add(s.handler());
        RuntimeApi api = RuntimeApi.start(s.name(), "eu-west-1", Duration.ofSeconds(900), line -> { });
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        String path = System.getenv("PATH");
        env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + s.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench/" + label);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(s.env());
        env.remove("JAVA_TOOL_OPTIONS"); // the bench passes the same flags itself, without the JVM's notice
        env.put("AWS_LAMBDA_FUNCTION_NAME", s.name());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("_HANDLER", s.handler());
        RuntimeApi.Invocation first = api.enqueue(firstEvent);
        long started = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            api.close();
            throw e;
        }
        return new Started(s, api, p, first, started, log, cmd);
    }

    /** A running function JVM and its Runtime API; closing stops both. */
    private static final class Started implements AutoCloseable {
        final Subject subject;
        final RuntimeApi api;
        final Process process;
        final RuntimeApi.Invocation first;
        final long startedNanos;
        final Path log;
        final List<String> cmd;

        Started(Subject subject, RuntimeApi api, Process process, RuntimeApi.Invocation first, long startedNanos,
                Path log, List<String> cmd) {
            this.subject = subject;
            this.api = api;
            this.process = process;
            this.first = first;
            this.startedNanos = startedNanos;
            this.log = log;
            this.cmd = cmd;
        }

        long awaitInit() throws InterruptedException {
            long deadline = System.nanoTime() + INIT_TIMEOUT.toNanos();
            while (true) {
                long t = api.firstNext().getNow(-1L);
                if (t >= 0) {
                    return t;
                }
                if (api.initError() != null) {
                    throw failure("init failed, /init/error said: " + api.initError());
                }
                if (!process.isAlive()) {
                    throw failure("the runtime exited with " + process.exitValue() + " before asking for an event");
                }
                if (System.nanoTime() > deadline) {
                    throw failure("no /invocation/next within " + INIT_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(1);
            }
        }

        RuntimeApi.Outcome await(RuntimeApi.Invocation inv, int n) throws InterruptedException {
            long deadline = System.nanoTime() + INVOKE_TIMEOUT.toNanos();
            while (true) {
                try {
                    return inv.outcome().get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!process.isAlive()) {
                        throw failure("the runtime exited with " + process.exitValue() + " during invoke " + n);
                    }
                    if (System.nanoTime() > deadline) {
                        throw failure("no answer to invoke " + n + " within " + INVOKE_TIMEOUT.toSeconds() + " s");
                    }
                } catch (ExecutionException e) {
                    throw failure("invoke " + n + ": " + e.getCause().getMessage());
                }
            }
        }

        RuntimeApi.Outcome awaitGood(RuntimeApi.Invocation inv, int n, Subject s) throws InterruptedException {
            RuntimeApi.Outcome o = await(inv, n);
            if (o.error()) {
                throw failure("invoke " + n + " failed, /error said: " + abbreviate(o.body(), 4000));
            }
            String problem = s.kind().accepts(o.body());
            if (problem != null) {
                throw failure("invoke " + n + ": " + problem + "\nanswer: " + abbreviate(o.body(), 4000));
            }
            return o;
        }

        BenchFailure failure(String what) {
            return new BenchFailure("subject " + subject.name() + " (" + subject.artifact().getFileName() + ", "
                    + subject.handler() + "): " + what + "\ncommand: " + String.join(" ", cmd)
                    + "\n--- last lines of the function's output (" + log + ") ---\n" + tail(log, 60));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            api.close();
        }
    }

    /**
     * CPU time (all threads, user + system) the JVM has used so far; Linux counts it in 10 ms ticks.
     * Lambda at 1024 MB gives a function about 0.6 of a vCPU, so this predicts Lambda's init better
     * than wall time on a shared multi-core machine. -1 when unknown.
     */
    private static double cpuMillis(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }
}
