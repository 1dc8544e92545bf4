package nl.spil.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Lambda Runtime API (the 2018-06-01 interface the runtime interface client talks to) on
 * 127.0.0.1, for one runtime process at a time.
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next} blocks until an event is {@linkplain #enqueue
 *       queued} and answers with its body and the Lambda-Runtime-* headers;</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code .../error} complete an
 *       invocation ({@link #awaitOutcome});</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error} records an init failure.</li>
 * </ul>
 *
 * Timestamps are {@link System#nanoTime()}: the first {@code next} call (the runtime finished init),
 * and for every invocation the moment it was handed out and the moment its answer had been read.
 */
public final class LocalRuntimeApi implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server's separate header/body writes meet the client's delayed
        // ACK and every invoke can gain ~40 ms; that would measure the harness, not the function.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** One finished invocation as the runtime reported it. */
    public record Outcome(String requestId, boolean error, String body, long handedOutNanos, long receivedNanos) {
        public double latencyMillis() {
            return (receivedNanos - handedOutNanos) / 1e6;
        }
    }

    private record Invocation(String requestId, byte[] event) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Map<String, Long> handedOut = new ConcurrentHashMap<>();
    private final AtomicLong firstNextNanos = new AtomicLong(-1);
    private final AtomicInteger nextCalls = new AtomicInteger();
    private volatile String initError;
    private volatile boolean closed;

    private LocalRuntimeApi(String functionName) throws IOException {
        this.functionArn = "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 with a free port; {@code functionName} goes into the function ARN. */
    public static LocalRuntimeApi start(String functionName) throws IOException {
        return new LocalRuntimeApi(functionName);
    }

    /** The value for AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event for the next {@code next} call; answers its request id. */
    public String enqueue(byte[] event) {
        String id = UUID.randomUUID().toString();
        pending.add(new Invocation(id, event));
        return id;
    }

    /** When the runtime first asked for work (init done), or -1 while it has not. */
    public long firstNextNanos() {
        return firstNextNanos.get();
    }

    /** The body the runtime posted to /init/error, or null. */
    public String initError() {
        return initError;
    }

    /** The next finished invocation, or null after the timeout. */
    public Outcome awaitOutcome(Duration timeout) throws InterruptedException {
        return outcomes.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void handle(HttpExchange x) throws IOException {
        try {
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
                Long out = handedOut.remove(id);
                if (out == null) {
                    reply(x, 400, "{\"errorMessage\":\"unknown request id " + id + "\"}");
                    return;
                }
                outcomes.add(new Outcome(id, error, body, out, received));
                reply(x, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && rest.equals("init/error")) {
                initError = readBody(x);
                reply(x, 202, "{\"status\":\"OK\"}");
            } else {
                readBody(x);
                reply(x, 404, "{\"errorMessage\":\"no such route " + method + " " + path + "\"}");
            }
        } catch (IOException e) {
            // the runtime process went away mid-call (we kill it after each run): nothing to report
            if (!closed) {
                throw e;
            }
        } finally {
            x.close();
        }
    }

    private void next(HttpExchange x) throws IOException {
        long now = System.nanoTime();
        firstNextNanos.compareAndSet(-1, now);
        nextCalls.incrementAndGet();
        Invocation inv = null;
        try {
            while (inv == null && !closed) {
                inv = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inv == null) {
            reply(x, 500, "{\"errorMessage\":\"runtime API shutting down\"}");
            return;
        }
        var h = x.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", inv.requestId());
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
        h.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        h.set("Lambda-Runtime-Trace-Id", traceId());
        long handed = System.nanoTime();
        handedOut.put(inv.requestId(), handed);
        x.sendResponseHeaders(200, inv.event().length == 0 ? -1 : inv.event().length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(inv.event());
        }
    }

    private static String traceId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24)
                + ";Parent=" + hex.substring(16) + ";Sampled=0";
    }

    private static String readBody(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
