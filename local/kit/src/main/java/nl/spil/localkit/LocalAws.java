package nl.spil.localkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The local AWS of a test JVM: one moto server behind {@code local/moto/serialized_moto.py} (every
 * request serialized, as each DynamoDB write is atomic on AWS), started on a free 127.0.0.1 port the
 * first time {@link #get()} is called and stopped when the JVM exits.
 *
 * <p>Starting it sets the JVM system properties {@code aws.endpointUrl}, {@code aws.region},
 * {@code aws.accessKeyId} and {@code aws.secretAccessKey}, so any SDK client built with defaults
 * ({@code DynamoDbClient.create()}) talks to it. {@link #tables()} creates what template.yaml
 * declares (tables, buckets, the SES sender identity) once; {@link #environment(String)} and
 * {@link #applyAsSystemProperties(String)} give a function the environment it has on Lambda.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    /** moto's default account. */
    public static final String ACCOUNT_ID = "123456789012";
    public static final String STACK_NAME = "spil-test";
    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";
    /** The SenderEmail parameter's test value; verified in SES by {@link #tables()}. */
    public static final String SENDER_EMAIL = "spil@example.org";
    /** The CursorSigningKey parameter's test value (40 characters, not a secret). */
    public static final String CURSOR_SIGNING_KEY = "test-cursor-signing-key-0123456789abcdef";
    /** Test values of the template parameters that have no Default (the others take their Default). */
    public static final Map<String, String> TEST_PARAMETERS = Map.of(
            "SenderEmail", SENDER_EMAIL,
            "CursorSigningKey", CURSOR_SIGNING_KEY);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static LocalAws instance;
    private static IllegalStateException startFailure;

    private final Process process;
    private final OutputStream parentWatch;
    private final Path log;
    private final int port;
    private final URI endpoint;
    private final Duration startTime;
    private final Thread shutdownHook;
    private final Template template;
    private volatile boolean closed;
    private DynamoDbClient dynamoDb;
    private SesV2Client sesV2;
    private S3Client s3;
    private TemplateTables tables;

    private LocalAws(Process process, Path log, int port, Duration startTime) {
        this.process = process;
        this.parentWatch = process.getOutputStream();
        this.log = log;
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.startTime = startTime;
        this.template = Template.ofRepo();
        this.shutdownHook = new Thread(this::stop, "spil-local-aws-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The local AWS of this JVM, started on first use (a few hundred ms: Python and moto start),
     * with the {@code aws.*} system properties pointing at it.
     *
     * @throws IllegalStateException when Python or moto cannot be had, or the server does not start
     */
    public static synchronized LocalAws get() {
        if (startFailure != null) {
            // one try per JVM: don't repeat a failing install or start for every test class
            throw new IllegalStateException(startFailure.getMessage(), startFailure);
        }
        if (instance == null || instance.closed) {
            try {
                instance = start();
            } catch (IllegalStateException e) {
                startFailure = e;
                throw e;
            }
            instance.setSystemProperties();
        }
        return instance;
    }

    private static LocalAws start() {
        long started = System.nanoTime();
        Path script = Repo.path("local/moto/serialized_moto.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Missing " + script);
        }
        Python.Choice python = Python.find();
        Launched launched;
        try {
            // optimistic: checking the imports first would cost ~0.7 s on every start
            launched = launch(python, script);
        } catch (NotStarted first) {
            Python.Choice ensured = Python.ensureMoto(python); // one clear message when Python or moto is missing
            try {
                launched = launch(ensured, script);
            } catch (NotStarted second) {
                throw new IllegalStateException(second.getMessage(), second);
            }
        }
        return new LocalAws(launched.process(), launched.log(), launched.port(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record Launched(Process process, Path log, int port) {
    }

    /** The server exited (or could not be run) before it said READY. */
    private static final class NotStarted extends Exception {
        NotStarted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Launched launch(Python.Choice python, Path script) throws NotStarted {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("spil-moto-", ".log");
            log.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(python.command(), script.toString(),
                    "--host", "127.0.0.1", "--port", "0", "--parent-watch")
                    .redirectError(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new NotStarted("Cannot start the local AWS with " + python.command()
                    + " (" + python.source() + "): " + e.getMessage(), e);
        }
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = stdout.readLine()) != null; ) {
                    if (line.startsWith("READY port=")) {
                        return line.substring("READY port=".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String port;
        try {
            port = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The local AWS (" + python.command() + " " + script
                    + ") did not print READY within " + START_TIMEOUT.toSeconds() + " s; its stderr:\n" + readTail(log));
        } catch (ExecutionException e) {
            port = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while starting the local AWS", e);
        }
        if (port == null) {
            process.destroyForcibly();
            throw new NotStarted("The local AWS (" + python.command() + " " + script
                    + ") exited before it was ready; its stderr:\n" + readTail(log), null);
        }
        Thread drain = new Thread(() -> {
            try {
                while (stdout.readLine() != null) {
                    // keeps the pipe from filling
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "spil-local-aws-stdout");
        drain.setDaemon(true);
        drain.start();
        return new Launched(process, log, Integer.parseInt(port));
    }

    private void setSystemProperties() {
        System.setProperty("aws.endpointUrl", endpoint.toString());
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return port;
    }

    public Region region() {
        return Region.of(REGION);
    }

    /** From {@link #get()}'s call to READY: finding Python and starting the server (moto installed first when missing). */
    public Duration startTime() {
        return startTime;
    }

    /** The server's stderr (request errors, moto tracebacks). */
    public Path logFile() {
        return log;
    }

    /** The repository's template.yaml. */
    public Template template() {
        return template;
    }

    /** A DynamoDB client for the local AWS (shared; url-connection HTTP client). */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(endpoint).region(region()).credentialsProvider(credentials())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return dynamoDb;
    }

    /** An SES v2 client for the local AWS (shared). */
    public synchronized SesV2Client sesV2() {
        if (sesV2 == null) {
            sesV2 = SesV2Client.builder()
                    .endpointOverride(endpoint).region(region()).credentialsProvider(credentials())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return sesV2;
    }

    /** An S3 client for the local AWS (shared, path-style addressing). */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder()
                    .endpointOverride(endpoint).region(region()).credentialsProvider(credentials())
                    .forcePathStyle(true)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return s3;
    }

    /** Static test credentials. */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /**
     * What template.yaml declares, created once per JVM (tables, buckets, SES sender identity) with
     * the {@link #TEST_PARAMETERS}.
     */
    public synchronized TemplateTables tables() {
        if (tables == null) {
            tables = createTemplateResources();
        }
        return tables;
    }

    /**
     * Another, fresh set of the template's resources under a new random suffix: for a test that
     * needs empty tables. {@link #tables()} stays the one the environments refer to.
     */
    public TemplateTables createTemplateResources() {
        return TemplateTables.create(template, dynamoDb(), s3(), sesV2(), TEST_PARAMETERS);
    }

    /** Physical name of a table of template.yaml (created by {@link #tables()}). */
    public String tableName(String logicalId) {
        return tables().table(logicalId);
    }

    /** Physical name of a bucket of template.yaml (created by {@link #tables()}). */
    public String bucketName(String logicalId) {
        return tables().bucket(logicalId);
    }

    /** The environment a function of template.yaml gets on Lambda, resolved against {@link #tables()}. */
    public FunctionEnvironment environment(String functionLogicalId) {
        return FunctionEnvironment.of(template, functionLogicalId, tables(), endpoint);
    }

    /**
     * Sets each variable of the function's {@link #environment(String)} as a JVM system property of
     * the same name (the platform reads env first, then the same-named system property). Close the
     * result to restore what was there before.
     */
    public FunctionEnvironment.Applied applyAsSystemProperties(String functionLogicalId) {
        return environment(functionLogicalId).applyAsSystemProperties();
    }

    /** moto's state dump, {@code GET /moto-api/data.json}, parsed. */
    public JsonNode motoData() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto-api/data.json answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An e-mail SES accepted. {@code raw} is the MIME text for SendEmail with Raw content, else null. */
    public record SentEmail(String id, String source, List<String> destinations, String subject, String body,
                            String raw) {
    }

    /** Every e-mail SES (v1 or v2) accepted so far, oldest first: simple ones, then raw ones. */
    public List<SentEmail> sentEmails() {
        JsonNode ses = motoData().path("ses");
        List<SentEmail> out = new ArrayList<>();
        for (JsonNode m : ses.path("Message")) {
            out.add(new SentEmail(m.path("id").asText(null), m.path("source").asText(null),
                    addresses(m.path("destinations")), m.path("subject").asText(null), m.path("body").asText(null), null));
        }
        for (JsonNode m : ses.path("RawMessage")) {
            out.add(new SentEmail(m.path("id").asText(null), m.path("source").asText(null),
                    addresses(m.path("destinations")), null, null, m.path("raw_data").asText(null)));
        }
        return out;
    }

    private static List<String> addresses(JsonNode destinations) {
        List<String> out = new ArrayList<>();
        if (destinations.isTextual()) {
            out.add(destinations.asText());
        } else if (destinations.isArray()) {
            destinations.forEach(d -> out.addAll(addresses(d)));
        } else if (destinations.isObject()) {
            destinations.forEach(d -> out.addAll(addresses(d)));
        }
        return out;
    }

    /** Stops the server now (also done by a shutdown hook). {@link #get()} afterwards starts a new one. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : new AutoCloseable[] {dynamoDb, sesV2, s3}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            parentWatch.close();
        } catch (IOException ignored) {
            // gone
        }
    }

    private static String readTail(Path log) {
        try {
            return Python.tail(Files.readString(log));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
