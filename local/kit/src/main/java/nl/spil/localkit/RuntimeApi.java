package nl.spil.localkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Lambda Runtime API (the 2018-06-01 interface the runtime interface client talks to) of one
 * function, on 127.0.0.1 with a free port: the local cloud runs every function behind one, the
 * cold-start bench each measured JVM.
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next} blocks until an event is {@linkplain #enqueue
 *       queued} and answers with its body and the Lambda-Runtime-* headers;</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code .../error} complete the
 *       invocation's {@link Invocation#outcome()};</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error} records an init failure ({@link #initError()}).</li>
 * </ul>
 *
 * One process at a time asks for work: {@link #newProcess()} marks a replacement, after which a
 * {@code next} call of the old process takes no event. Timestamps are {@link System#nanoTime()}.
 * Log lines (START/END/REPORT/ERROR, as CloudWatch shows them) go to the given consumer.
 */
public final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** One finished invocation as the runtime reported it. */
    public record Outcome(String requestId, boolean error, String body, long handedOutNanos, long receivedNanos) {
        public double latencyMillis() {
            return (receivedNanos - handedOutNanos) / 1e6;
        }
    }

    /**
     * One queued event: {@link #taken()} completes when a runtime takes it (the function's timeout runs
     * from then, as on Lambda), {@link #outcome()} when the runtime answers.
     */
    public record Invocation(String requestId, byte[] event, CompletableFuture<Long> taken,
                             CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final Duration timeout;
    private final Consumer<String> log;
    private final LinkedBlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private volatile String initError;
    private volatile boolean closed;

    private RuntimeApi(String functionArn, Duration timeout, Consumer<String> log) throws IOException {
        this.functionArn = functionArn;
        this.timeout = timeout;
        this.log = log;
        this.server = HttpReply.server(0, 16); // TCP_NODELAY: else +40 ms per invoke (see HttpReply)
        AtomicInteger n = new AtomicInteger();
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /**
     * Serves the Runtime API of function {@code functionName} (in its ARN); {@code timeout} sets each
     * event's Lambda-Runtime-Deadline-Ms; {@code log} receives the log lines.
     */
    public static RuntimeApi start(String functionName, String region, Duration timeout, Consumer<String> log)
            throws IOException {
        return new RuntimeApi("arn:aws:lambda:" + region + ":" + LocalAws.ACCOUNT_ID + ":function:" + functionName,
                timeout, log);
    }

    /** The value for AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event for the next {@code next} call. */
    public Invocation enqueue(byte[] event) {
        Invocation inv = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>(), new CompletableFuture<>());
        inFlight.put(inv.requestId(), inv);
        queue.add(inv);
        return inv;
    }

    /** Forgets an invocation (it timed out): its answer, if one still comes, is refused. */
    public void withdraw(Invocation inv) {
        inFlight.remove(inv.requestId());
        queue.remove(inv);
    }

    /**
     * A new process is about to ask for work: the old one's waiting {@code next} call takes nothing,
     * and {@link #firstNext()} and {@link #initError()} start over.
     */
    public void newProcess() {
        generation.incrementAndGet();
        firstNext = new CompletableFuture<>();
        initError = null;
    }

    /** Completes with the time of the current process's first {@code next} call: its init is done. */
    public CompletableFuture<Long> firstNext() {
        return firstNext;
    }

    /** The body the current process posted to /init/error, or null. */
    public String initError() {
        return initError;
    }

    /** Fails every queued and running invocation (the process died); the queue is emptied. */
    public void failAll(String why) {
        for (Invocation inv : List.copyOf(inFlight.values())) {
            inFlight.remove(inv.requestId());
            inv.outcome().completeExceptionally(new IllegalStateException(why));
        }
        queue.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String rest = path.substring(PREFIX.length());
            String method = x.getRequestMethod();
            if (method.equals("GET") && rest.equals("invocation/next")) {
                next(x);
            } else if (method.equals("POST") && rest.startsWith("invocation/")
                    && (rest.endsWith("/response") || rest.endsWith("/error"))) {
                boolean error = rest.endsWith("/error");
                String id = rest.substring("invocation/".length(), rest.lastIndexOf('/'));
                String body = readBody(x);
                long received = System.nanoTime();
                Invocation inv = inFlight.remove(id);
                if (inv == null || !inv.taken().isDone()) {
                    HttpReply.json(x, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                long handedOut = inv.taken().join();
                if (error) {
                    log.accept("ERROR RequestId: " + id + " " + body);
                }
                log.accept(String.format("END RequestId: %s%nREPORT RequestId: %s Duration: %.2f ms", id, id,
                        (received - handedOut) / 1e6));
                HttpReply.json(x, 202, "{\"status\":\"OK\"}");
                inv.outcome().complete(new Outcome(id, error, body, handedOut, received));
            } else if (method.equals("POST") && rest.equals("init/error")) {
                initError = readBody(x);
                log.accept("INIT_ERROR " + initError);
                HttpReply.json(x, 202, "{\"status\":\"OK\"}");
            } else {
                readBody(x);
                HttpReply.json(x, 404, "{\"errorMessage\":\"no such route " + method + " " + path + "\"}");
            }
        } catch (IOException e) {
            if (!closed) { // else: the process went away as we stopped it
                throw e;
            }
        }
    }

    private void next(HttpExchange x) throws IOException {
        firstNext.complete(System.nanoTime());
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
        var h = x.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", inv.requestId());
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        h.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        h.set("Lambda-Runtime-Trace-Id", traceId(inv.requestId()));
        log.accept("START RequestId: " + inv.requestId() + " Version: $LATEST");
        inv.taken().complete(System.nanoTime()); // before the event leaves: its answer may come at once
        try {
            x.sendResponseHeaders(200, inv.event().length == 0 ? -1 : inv.event().length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(inv.event());
            }
        } catch (IOException e) {
            queue.addFirst(inv); // the process went away before it got the event
            throw e;
        }
    }

    private static String traceId(String requestId) {
        String hex = requestId.replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24)
                + ";Parent=" + hex.substring(16) + ";Sampled=0";
    }

    private static String readBody(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        closed = true;
        failAll("the Runtime API stopped");
        server.stop(0);
        executor.shutdownNow();
    }
}
