package nl.spil.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.spil.localkit.LocalAws;
import nl.spil.notifier.domain.DeliveryPolicy;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.http.HttpFunction;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.RenderedEmail;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The notifier as Lambda runs it, against the local AWS: the environment template.yaml gives
 * NotifierStreamFunction (a superset of the API function's), the outbox table and the event bus
 * created, faults injectable at the SES client. One per test JVM.
 */
final class NotifierHarness {

    static final String STREAM_FN = "NotifierStreamFunction";
    static final String API_FN = "NotifierApiFunction";
    /** In-invocation backoff kept short so fault tests run fast; everything else as on AWS. */
    static final DeliveryPolicy POLICY = DeliveryPolicy.standard().withBackoff(Duration.ofMillis(5), Duration.ofMillis(40));

    private static NotifierHarness instance;
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);

    final LocalAws aws;
    final DynamoDbClient dynamo;
    final Faults faults = new Faults();
    final Settings settings;
    /** What the notifiers made here counted (MailSent, MailFailed). */
    final RecordedOutcomes outcomes = new RecordedOutcomes();
    private HttpFunction api;

    private NotifierHarness(LocalAws aws) {
        this.aws = aws;
        aws.tables();
        aws.applyAsSystemProperties(STREAM_FN);
        this.settings = Settings.fromEnvironment();
        this.dynamo = DynamoClients.create();
        Notifier.eventBridge().createEventBus(b -> b.name(settings.require("EVENT_BUS_NAME")));
    }

    static synchronized NotifierHarness get() {
        if (instance == null) {
            instance = new NotifierHarness(LocalAws.get());
        }
        return instance;
    }

    String table() {
        return settings.outboxTable();
    }

    /** A notifier with the given clock, its SES client carrying {@link #faults}. */
    Notifier notifier(Clock clock) {
        return Notifier.create(settings, dynamo, Notifier.ses(faults), Notifier.eventBridge(), clock, POLICY, outcomes);
    }

    /** A notifier whose environment differs (e.g. another sender). */
    Notifier notifier(Clock clock, Map<String, String> overrides) {
        Settings changed = new Settings(name -> overrides.containsKey(name) ? overrides.get(name) : settings.optional(name).orElse(null));
        return Notifier.create(changed, dynamo, Notifier.ses(faults), Notifier.eventBridge(), clock, POLICY, outcomes);
    }

    synchronized LambdaHttp http() {
        if (api == null) {
            aws.applyAsSystemProperties(API_FN); // its TABLE_NAME; the rest is the stream function's too
            api = new HttpFunction();
        }
        return new LambdaHttp(api, TestContext.forFunction(aws.template(), API_FN));
    }

    TestContext context(String functionId) {
        return TestContext.forFunction(aws.template(), functionId);
    }

    // ------------------------------------------------------------------ enqueueing

    static String uniqueAddress(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Outbox outbox() {
        return new Outbox(table(), Clock.systemUTC(), new Ids(Clock.systemUTC())::next);
    }

    static EmailMessage message(String to, Language language) {
        return EmailMessage.of(EmailAddress.of("bookings@example.org", "Spil Bookings"), EmailAddress.of(to, "Zoë Test"),
                language, new RenderedEmail("Bevestigd: Vergaderruimte Amstel — maandag",
                        "Hallo,\nJe boeking is bevestigd.\n", "<html><body><p>Hallo,</p><p>Je boeking is bevestigd.</p></body></html>"),
                "test:" + UUID.randomUUID());
    }

    /** Puts a new pending e-mail in the outbox (as the business functions do) and returns its item. */
    OutboxItem.Email enqueue(EmailMessage message) {
        OutboxItem.Email item = outbox().newEmail(message, "test:" + UUID.randomUUID());
        dynamo.transactWriteItems(b -> b.transactItems(outbox().put(item)));
        return item;
    }

    OutboxItem.Event enqueueEvent(String detailType, String detail) {
        OutboxItem.Event item = outbox().newEvent("spil.stock", detailType, detail, null);
        dynamo.transactWriteItems(b -> b.transactItems(outbox().put(item)));
        return item;
    }

    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(String pk) {
        return dynamo.getItem(b -> b.tableName(table()).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUTBOX")))).item();
    }

    String status(String pk) {
        return item(pk).get(OutboxItems.STATUS).s();
    }

    // ------------------------------------------------------------------ stream events

    /** A stream event as Lambda delivers it (NEW_IMAGE, as template.yaml asks): one INSERT per item, with its new image. */
    DynamodbEvent inserts(List<? extends OutboxItem> items) {
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> images = new ArrayList<>();
        items.forEach(i -> images.add(OutboxItems.toItem(i)));
        return records("INSERT", images);
    }

    /** A MODIFY record per pk with the item as it is now. */
    DynamodbEvent modifies(List<String> pks) {
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> images = new ArrayList<>();
        pks.forEach(pk -> images.add(item(pk)));
        return records("MODIFY", images);
    }

    DynamodbEvent records(String eventName, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> images) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (var image : images) {
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventID(UUID.randomUUID().toString().replace("-", ""));
            r.setEventName(eventName);
            r.setEventVersion("1.1");
            r.setEventSource("aws:dynamodb");
            r.setAwsRegion(LocalAws.REGION);
            r.setEventSourceARN(aws.tables().streamArn("OutboxTable"));
            StreamRecord s = new StreamRecord();
            Map<String, AttributeValue> converted = toEvents(image);
            s.setKeys(Map.of("pk", converted.get("pk"), "sk", converted.get("sk")));
            s.setNewImage(converted);
            s.setSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()));
            s.setStreamViewType(StreamViewType.NEW_IMAGE);
            s.setSizeBytes(OutboxItems.sizeOf(image));
            r.setDynamodb(s);
            records.add(r);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    static Map<String, AttributeValue> toEvents(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        sdk.forEach((k, v) -> out.put(k, toEvents(v)));
        return out;
    }

    static AttributeValue toEvents(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue a = new AttributeValue();
        if (v.s() != null) {
            a.setS(v.s());
        } else if (v.n() != null) {
            a.setN(v.n());
        } else if (v.b() != null) {
            a.setB(v.b().asByteBuffer());
        } else if (v.bool() != null) {
            a.setBOOL(v.bool());
        } else if (v.hasL()) {
            a.setL(v.l().stream().map(NotifierHarness::toEvents).toList());
        } else if (v.hasM()) {
            a.setM(toEvents(v.m()));
        } else if (v.hasSs()) {
            a.setSS(v.ss());
        } else {
            a.setNULL(true);
        }
        return a;
    }

    // ------------------------------------------------------------------ sent mail

    /** Raw messages the local SES accepted for this recipient. */
    List<String> sentTo(String address) {
        return aws.sentEmails().stream().filter(m -> m.destinations().contains(address))
                .map(m -> m.raw() == null ? m.body() : m.raw()).toList();
    }
}
