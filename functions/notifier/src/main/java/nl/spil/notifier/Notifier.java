package nl.spil.notifier;

import java.time.Clock;
import java.time.Duration;
import nl.spil.notifier.app.Delivering;
import nl.spil.notifier.app.Dispatching;
import nl.spil.notifier.app.Sweeping;
import nl.spil.notifier.aws.AwsChannels;
import nl.spil.notifier.domain.DeliveryPolicy;
import nl.spil.notifier.store.DynamoOutboxLedger;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.DynamoClients;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The notifier's parts wired together, for the two plain Lambda handlers (stream and sweep),
 * which start without Micronaut: a DynamoDB client, SES v2 and EventBridge clients (URL
 * connection HTTP client, endpoints and region from the SDK's environment, no SDK retries: the
 * notifier retries itself, with its own backoff and bookkeeping), the ledger and the use cases.
 */
public final class Notifier {

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
                DeliveryPolicy.standard());
    }

    /** With given clients, clock and policy (tests inject faults through the clients). */
    public static Notifier create(Settings settings, DynamoDbClient dynamo, SesV2Client ses, EventBridgeClient events,
                                  Clock clock, DeliveryPolicy policy) {
        DynamoOutboxLedger ledger = new DynamoOutboxLedger(dynamo, settings.outboxTable());
        AwsChannels channels = new AwsChannels(ses, events, settings.require("SENDER_EMAIL"), settings.officeName(),
                settings.require("EVENT_BUS_NAME"), clock);
        Delivering delivering = new Delivering(ledger, channels, policy, clock, d -> Thread.sleep(d.toMillis()));
        int concurrency = Integer.parseInt(settings.optional("DELIVERY_CONCURRENCY", Integer.toString(DEFAULT_CONCURRENCY)));
        Dispatching dispatching = new Dispatching(delivering, concurrency);
        return new Notifier(dispatching, new Sweeping(ledger, dispatching), channels);
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
