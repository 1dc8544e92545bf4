package nl.spil.localkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
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
    /** Test values of the template parameters that have no Default (the others take their Default). */
    public static final Map<String, String> TEST_PARAMETERS = Map.of("SenderEmail", SENDER_EMAIL);

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
    private SecretsManagerClient secrets;
    private CognitoIdentityProviderClient cognito;
    private TemplateTables tables;
    private final MotoAdmin admin;

    private LocalAws(Process process, Path log, int port, Duration startTime) {
        this.process = process;
        this.parentWatch = process.getOutputStream();
        this.log = log;
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.startTime = startTime;
        this.template = Template.ofRepo();
        this.admin = new MotoAdmin(endpoint);
        this.shutdownHook = new Thread(this::stop, "spil-local-aws-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The local AWS of this JVM, started on first use (a few hundred ms: Python and moto start),
     * with the {@code aws.*} system properties pointing at it.
     *
     * @throws IllegalStateException when Python or moto cannot be had, or the server does not start
     */
    public static LocalAws get() {
        return get(0);
    }

    /**
     * The local AWS of this JVM as {@link #get()} gives it; when it has to start it, its SES keeps only
     * the newest {@code keepSentMail} e-mails (0: all; a long-running local cloud keeps a bounded number).
     */
    public static synchronized LocalAws get(int keepSentMail) {
        if (startFailure != null) {
            // one try per JVM: don't repeat a failing install or start for every test class
            throw new IllegalStateException(startFailure.getMessage(), startFailure);
        }
        if (instance == null || instance.closed) {
            try {
                MotoServer.Started started = MotoServer.start(keepSentMail);
                instance = new LocalAws(started.process(), started.log(), started.port(), started.startTime());
            } catch (IllegalStateException e) {
                startFailure = e;
                throw e;
            }
            instance.setSystemProperties();
        }
        return instance;
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

    /** A Secrets Manager client for the local AWS (shared). */
    public synchronized SecretsManagerClient secretsManager() {
        if (secrets == null) {
            secrets = SecretsManagerClient.builder()
                    .endpointOverride(endpoint).region(region()).credentialsProvider(credentials())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return secrets;
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

    /** A Cognito client for the local AWS (shared). */
    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = CognitoIdentityProviderClient.builder()
                    .endpointOverride(endpoint).region(region()).credentialsProvider(credentials())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return cognito;
    }

    /** Static test credentials. */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /**
     * What template.yaml declares, created once per JVM (tables, buckets, SES sender identity, user
     * pools and their groups) with
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
        return TemplateTables.create(template, dynamoDb(), s3(), sesV2(), secretsManager(), cognito(), TEST_PARAMETERS);
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
        return admin.motoData();
    }

    /**
     * An e-mail SES accepted: {@code seq} numbers them from 1 in the order SES accepted them,
     * {@code sentAt} is when (UTC, ISO-8601); {@code destinations} are the envelope's addresses, each
     * once; {@code raw} is the MIME text of a raw send, else null (and {@code subject}, {@code body}
     * are the simple send's).
     */
    public record SentEmail(long seq, String sentAt, String id, String source, List<String> destinations, String subject,
                            String body, String raw) {
    }

    /** Every e-mail SES (v1 or v2) still keeps, oldest first. */
    public List<SentEmail> sentEmails() {
        return sentEmailsAfter(0);
    }

    /** The e-mails SES accepted after the one numbered {@code seq}, oldest first: only what is new. */
    public List<SentEmail> sentEmailsAfter(long seq) {
        return admin.sentEmailsAfter(seq);
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
        for (AutoCloseable c : new AutoCloseable[] {dynamoDb, sesV2, s3, cognito}) {
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
}
