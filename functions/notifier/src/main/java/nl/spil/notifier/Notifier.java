package nl.spil.notifier;

import java.time.Clock;
import java.time.Duration;
import nl.spil.notifier.app.Delivering;
import nl.spil.notifier.app.Dispatching;
import nl.spil.notifier.app.RecordingBounces;
import nl.spil.notifier.app.SendingPause;
import nl.spil.notifier.app.Sweeping;
import nl.spil.notifier.app.UndeliverableAddresses;
import nl.spil.notifier.aws.AwsChannels;
import nl.spil.notifier.domain.DeliveryPolicy;
import nl.spil.notifier.domain.Redaction;
import nl.spil.notifier.store.DirectoryUndeliverableAddresses;
import nl.spil.notifier.store.DynamoAccountPause;
import nl.spil.notifier.store.DynamoEventQueue;
import nl.spil.notifier.store.DynamoOutboxLedger;
import nl.spil.platform.config.Secrets;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.metrics.EmfOutcomes;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.outbox.Outbox;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The notifier's parts wired together, for the plain Lambda handlers (stream, sweep, SES feedback),
 * which start without Micronaut: a DynamoDB client, SES v2 and EventBridge clients (URL
 * connection HTTP client, endpoints and region from the SDK's environment, no SDK retries: the
 * notifier retries itself, with its own backoff and bookkeeping), the ledger, the use cases and the
 * outcomes they count (MailSent, MailFailed: EMF on standard output, see {@link EmfOutcomes}).
 */
public final class Notifier {

    /** The SES configuration set e-mails are sent with (bounces and complaints reach EventBridge through it). */
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    /** The Secrets Manager secret that holds the key of log redaction (at least 32 bytes). */
    public static final String LOG_REDACTION_SECRET = "LOG_REDACTION_SECRET";
    /** The directory table, read for the marks on undeliverable addresses. */
    public static final String DIRECTORY_TABLE = "DIRECTORY_TABLE";
    /** Deliveries in flight at once in one invocation. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final Dispatching dispatching;
    private final Sweeping sweeping;
    private final AwsChannels channels;

    private Notifier(Dispatching dispatching, Sweeping sweeping, AwsChannels channels) {
        this.dispatching = dispatching;
        this.sweeping = sweeping;
        this.channels = channels;
    }

    /** As on Lambda: everything from the environment. */
    public static Notifier fromEnvironment() {
        return create(Settings.fromEnvironment(), DynamoClients.create(), ses(), eventBridge(), Clock.systemUTC(),
                DeliveryPolicy.standard(), EmfOutcomes.toStandardOutput("spil-notifier"));
    }

    /** With given clients, clock, policy and outcomes (tests inject faults through the clients). */
    public static Notifier create(Settings settings, DynamoDbClient dynamo, SesV2Client ses, EventBridgeClient events,
                                  Clock clock, DeliveryPolicy policy, Outcomes outcomes) {
        String table = settings.outboxTable();
        DynamoOutboxLedger ledger = new DynamoOutboxLedger(dynamo, table);
        AwsChannels channels = new AwsChannels(ses, events, settings.optional(SES_CONFIGURATION_SET),
                settings.require("SENDER_EMAIL"), settings.officeName(), settings.require("EVENT_BUS_NAME"), clock);
        SendingPause pause = new SendingPause(new DynamoAccountPause(dynamo, table), policy.pause());
        Delivering delivering = new Delivering(ledger, channels, policy, pause, redaction(settings), clock,
                d -> Thread.sleep(d.toMillis()), outcomes, undeliverableAddresses(settings, dynamo));
        int concurrency = Integer.parseInt(settings.optional("DELIVERY_CONCURRENCY", Integer.toString(DEFAULT_CONCURRENCY)));
        Dispatching dispatching = new Dispatching(delivering, concurrency);
        return new Notifier(dispatching, new Sweeping(ledger, dispatching), channels);
    }

    /**
     * The directory's marks on addresses that mail does not reach, where template.yaml gives the
     * function the directory table (the delivering functions have it).
     */
    static UndeliverableAddresses undeliverableAddresses(Settings settings, DynamoDbClient dynamo) {
        return settings.optional(DIRECTORY_TABLE)
                .<UndeliverableAddresses>map(table -> new DirectoryUndeliverableAddresses(new DirectoryReader(dynamo, table)))
                .orElse(UndeliverableAddresses.NONE);
    }

    /** What turns SES's bounces and complaints into events for the directory. */
    public static RecordingBounces recordingBounces(Settings settings, DynamoDbClient dynamo, Clock clock) {
        Outbox outbox = new Outbox(settings.outboxTable(), clock, new Ids(clock)::next);
        return new RecordingBounces(new DynamoEventQueue(dynamo, outbox), redaction(settings));
    }

    /** Log redaction under the key in the secret template.yaml names in LOG_REDACTION_SECRET, read at init. */
    public static Redaction redaction(Settings settings) {
        return new Redaction(Secrets.read(settings.require(LOG_REDACTION_SECRET)));
    }

    public Dispatching dispatching() {
        return dispatching;
    }

    public Sweeping sweeping() {
        return sweeping;
    }

    public AwsChannels channels() {
        return channels;
    }

    /** An SES v2 client without SDK retries, plus the given interceptors. */
    public static SesV2Client ses(ExecutionInterceptor... interceptors) {
        return SesV2Client.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(noRetries(interceptors)).build();
    }

    /** An EventBridge client without SDK retries, plus the given interceptors. */
    public static EventBridgeClient eventBridge(ExecutionInterceptor... interceptors) {
        return EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(noRetries(interceptors)).build();
    }

    private static ClientOverrideConfiguration noRetries(ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryPolicy(RetryPolicy.none())
                .apiCallAttemptTimeout(Duration.ofSeconds(5));
        for (ExecutionInterceptor i : interceptors) {
            b.addExecutionInterceptor(i);
        }
        return b.build();
    }
}
