package nl.spil.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.RenderedEmail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class OutboxTest {
    private static final Instant NOW = Instant.parse("2025-05-13T07:30:15.123456789Z");
    private static final byte[] ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CSV = "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<String> ids = () -> "01HXID" + counter.incrementAndGet();
    private final Outbox outbox = new Outbox("spil-outbox", Clock.fixed(NOW, ZoneOffset.UTC), ids);

    private static EmailMessage message() {
        return EmailMessage.of(
                        EmailAddress.of("office@spil.example.nl", "Kantoor Utrecht"),
                        EmailAddress.of("zoe@example.nl", "Zoë 日本"),
                        Language.NL,
                        new RenderedEmail("Je boeking", "Hallo Zoë,\n", "<p>Hallo Zoë,</p>"),
                        "booking-42-confirmed")
                .withReplyTo(EmailAddress.of("desk@spil.example.nl"))
                .withAttachment(Attachment.calendarRequest("uitnodiging.ics", ICS))
                .withAttachment(Attachment.csv("lijst.csv", CSV));
    }

    @Test
    void emailItemShape() {
        TransactWriteItem write = outbox.email(message(), null);
        Put put = write.put();
        assertThat(write.conditionCheck()).isNull();
        assertThat(write.update()).isNull();
        assertThat(put.tableName()).isEqualTo("spil-outbox");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(pk)");
        assertThat(put.expressionAttributeNames()).isEmpty();
        assertThat(put.expressionAttributeValues()).isEmpty();

        Map<String, AttributeValue> item = put.item();
        assertThat(item.get("pk").s()).isEqualTo("OUTBOX#01HXID1");
        assertThat(item.get("sk").s()).isEqualTo("OUTBOX");
        assertThat(item.get("id").s()).isEqualTo("01HXID1");
        assertThat(item.get("kind").s()).isEqualTo("EMAIL");
        assertThat(item.get("status").s()).isEqualTo("PENDING");
        assertThat(item.get("attempts").n()).isEqualTo("0");
        assertThat(item.get("createdAt").s()).isEqualTo("2025-05-13T07:30:15.123Z");
        // the status index is sharded by the item's key: the same item always lands in the same shard
        assertThat(item.get("gsi1pk").s()).matches("STATUS#PENDING#[0-3]")
                .isEqualTo(OutboxStatus.PENDING.gsiKey("OUTBOX#01HXID1"));
        assertThat(item.get("gsi1sk").s()).isEqualTo("2025-05-13T07:30:15.123Z#01HXID1");
        assertThat(item).doesNotContainKey("expiresAt");

        assertThat(item.get("fromAddress").s()).isEqualTo("office@spil.example.nl");
        assertThat(item.get("fromName").s()).isEqualTo("Kantoor Utrecht");
        assertThat(item.get("toAddress").s()).isEqualTo("zoe@example.nl");
        assertThat(item.get("toName").s()).isEqualTo("Zoë 日本");
        assertThat(item.get("replyToAddress").s()).isEqualTo("desk@spil.example.nl");
        assertThat(item).doesNotContainKey("replyToName");
        assertThat(item.get("language").s()).isEqualTo("nl");
        assertThat(item.get("subject").s()).isEqualTo("Je boeking");
        assertThat(item.get("textBody").s()).isEqualTo("Hallo Zoë,\n");
        assertThat(item.get("htmlBody").s()).isEqualTo("<p>Hallo Zoë,</p>");
        assertThat(item.get("messageIdSeed").s()).isEqualTo("booking-42-confirmed");

        List<AttributeValue> attachments = item.get("attachments").l();
        assertThat(attachments).hasSize(2);
        Map<String, AttributeValue> ics = attachments.get(0).m();
        assertThat(ics.get("name").s()).isEqualTo("uitnodiging.ics");
        assertThat(ics.get("type").s()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(ics.get("data").b()).isEqualTo(SdkBytes.fromByteArray(ICS));
        assertThat(attachments.get(1).m().get("type").s()).isEqualTo("text/csv; charset=UTF-8");

        assertThat(item.keySet()).doesNotContain("source", "detailType", "detail", "eventId");
    }

    @Test
    void eventItemShape() {
        Put put = outbox.event("spil.stock", "PurchaseOrderReceived", "{\"poId\":\"po-7\",\"amount\":{\"cents\":12345}}",
                "stock:po-received:po-7").put();
        assertThat(put.conditionExpression()).isEqualTo(Outbox.CONDITION);
        Map<String, AttributeValue> item = put.item();
        assertThat(item.get("pk").s()).isEqualTo(Outbox.pkForDedupeKey("stock:po-received:po-7"))
                .matches("OUTBOX#[0-9a-f]{32}");
        assertThat(item.get("sk").s()).isEqualTo("OUTBOX");
        assertThat(item.get("kind").s()).isEqualTo("EVENT");
        assertThat(item.get("status").s()).isEqualTo("PENDING");
        assertThat(item.get("attempts").n()).isEqualTo("0");
        assertThat(item.get("gsi1pk").s()).isEqualTo(OutboxStatus.PENDING.gsiKey(item.get("pk").s()));
        assertThat(item.get("gsi1sk").s()).isEqualTo("2025-05-13T07:30:15.123Z#01HXID1");
        assertThat(item.get("source").s()).isEqualTo("spil.stock");
        assertThat(item.get("detailType").s()).isEqualTo("PurchaseOrderReceived");
        assertThat(item.get("detail").s()).isEqualTo("{\"poId\":\"po-7\",\"amount\":{\"cents\":12345}}");
        assertThat(item.get("eventId").s()).isEqualTo("01HXID1");
        assertThat(item.get("id").s()).isEqualTo("01HXID1");
        assertThat(item.keySet()).doesNotContain("toAddress", "subject", "attachments");
    }

    @Test
    void sameDedupeKeyGivesSamePk() {
        String first = outbox.email(message(), "bookings:confirmed:42").put().item().get("pk").s();
        String second = outbox.email(message(), "bookings:confirmed:42").put().item().get("pk").s();
        String other = outbox.email(message(), "bookings:confirmed:43").put().item().get("pk").s();
        String event = outbox.event("spil.bookings", "BookingConfirmed", "{}", "bookings:confirmed:42").put()
                .item().get("pk").s();
        assertThat(first).isEqualTo(second).isEqualTo(event).isNotEqualTo(other).startsWith("OUTBOX#");
        // ids still differ, and without a key every item gets its own pk
        assertThat(outbox.email(message(), null).put().item().get("pk").s())
                .isNotEqualTo(outbox.email(message(), null).put().item().get("pk").s());
        // the dedupe key itself is not stored
        assertThat(outbox.email(message(), "bookings:confirmed:42").put().item().values())
                .noneMatch(v -> "bookings:confirmed:42".equals(v.s()));
        assertThatThrownBy(() -> outbox.email(message(), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupe key");
    }

    @Test
    void emailRoundTrips() {
        OutboxItem.Email email = outbox.newEmail(message(), "k");
        Map<String, AttributeValue> item = outbox.put(email).put().item();

        OutboxItem read = OutboxItems.fromItem(item);
        assertThat(read).isEqualTo(email);
        assertThat(read).isInstanceOf(OutboxItem.Email.class);
        OutboxItem.Email back = (OutboxItem.Email) read;
        assertThat(back.message()).isEqualTo(message());
        assertThat(back.message().attachments().get(0).content()).isEqualTo(ICS);
        assertThat(back.createdAt()).isEqualTo(Instant.parse("2025-05-13T07:30:15.123Z"));
        assertThat(OutboxItems.toItem(read)).isEqualTo(item);

        // a minimal e-mail (no names, no reply-to, no attachments) too
        EmailMessage bare = EmailMessage.of(EmailAddress.of("a@spil.example.nl"), EmailAddress.of("b@example.nl"),
                Language.EN, new RenderedEmail("s", "t", "h"), "seed");
        OutboxItem.Email minimal = outbox.newEmail(bare, null);
        Map<String, AttributeValue> minimalItem = OutboxItems.toItem(minimal);
        assertThat(minimalItem).doesNotContainKeys("fromName", "toName", "replyToAddress", "attachments");
        assertThat(OutboxItems.fromItem(minimalItem)).isEqualTo(minimal);
    }

    @Test
    void eventRoundTrips() {
        OutboxItem.Event event = outbox.newEvent("spil.stock", "PurchaseOrderReceived", "{\"poId\":\"po-7\"}", null);
        Map<String, AttributeValue> item = outbox.put(event).put().item();
        OutboxItem read = OutboxItems.fromItem(item);
        assertThat(read).isEqualTo(event);
        assertThat(((OutboxItem.Event) read).eventId()).isEqualTo(event.id());
        assertThat(OutboxItems.toItem(read)).isEqualTo(item);
    }

    @Test
    void readsItemsTheNotifierHasUpdated() {
        Map<String, AttributeValue> item = new HashMap<>(outbox.event("spil.budget", "X", "{}", null).put().item());
        item.put("status", AttributeValue.fromS("FAILED"));
        item.put("attempts", AttributeValue.fromN("5"));
        item.put("gsi1pk", AttributeValue.fromS(OutboxStatus.FAILED.gsiKey(item.get("pk").s())));
        item.put("lastError", AttributeValue.fromS("Throttling"));
        item.put("expiresAt", AttributeValue.fromN("1760000000"));
        OutboxItem read = OutboxItems.fromItem(item);
        assertThat(read.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(read.attempts()).isEqualTo(5);
        assertThat(read.kind()).isEqualTo(OutboxItem.Kind.EVENT);
    }

    @Test
    void refusesMalformedItems() {
        Map<String, AttributeValue> good = outbox.email(message(), null).put().item();
        for (String attribute : List.of("pk", "id", "kind", "status", "attempts", "createdAt", "toAddress", "subject",
                "htmlBody", "language", "messageIdSeed")) {
            Map<String, AttributeValue> item = new HashMap<>(good);
            item.remove(attribute);
            assertThatThrownBy(() -> OutboxItems.fromItem(item)).as(attribute)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Map<String, AttributeValue> badKind = new HashMap<>(good);
        badKind.put("kind", AttributeValue.fromS("SMS"));
        assertThatThrownBy(() -> OutboxItems.fromItem(badKind)).hasMessageContaining("kind");
        Map<String, AttributeValue> badNumber = new HashMap<>(good);
        badNumber.put("attempts", AttributeValue.fromS("0"));
        assertThatThrownBy(() -> OutboxItems.fromItem(badNumber)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> OutboxItems.fromItem(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesItemsOverTheSizeLimit() {
        EmailMessage fits = message().withAttachment(new Attachment("big.bin", "application/octet-stream",
                new byte[300_000]));
        TransactWriteItem accepted = outbox.email(fits, null);
        assertThat(OutboxItems.sizeOf(accepted.put().item())).isBetween(300_000L, (long) OutboxItems.MAX_ITEM_BYTES);

        EmailMessage tooBig = message().withAttachment(new Attachment("big.bin", "application/octet-stream",
                new byte[OutboxItems.MAX_ITEM_BYTES]));
        assertThatThrownBy(() -> outbox.email(tooBig, "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outbox item too large")
                .hasMessageContaining("350000");

        // the body counts too, in UTF-8 bytes: 120 000 × "日" is 360 000 bytes
        EmailMessage bigBody = EmailMessage.of(EmailAddress.of("a@spil.example.nl"), EmailAddress.of("b@example.nl"),
                Language.NL, new RenderedEmail("s", "日".repeat(120_000), "h"), "seed");
        assertThatThrownBy(() -> outbox.email(bigBody, null)).hasMessageContaining("too large");
    }

    @Test
    void checksEventsWhenEnqueued() {
        assertThatThrownBy(() -> outbox.event("spil.stock", "X", "{not json", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> outbox.event("spil.stock", "X", "[1,2]", null)).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> outbox.event("spil.stock", "X", "{} {}", null)).hasMessageContaining("single JSON object");
        assertThatThrownBy(() -> outbox.event("spil.stock", "X", "", null)).hasMessageContaining("detail is required");
        assertThatThrownBy(() -> outbox.event("aws.ec2", "X", "{}", null)).hasMessageContaining("aws.");
        assertThatThrownBy(() -> outbox.event(" ", "X", "{}", null)).hasMessageContaining("source");
        assertThatThrownBy(() -> outbox.event("spil.stock", "", "{}", null)).hasMessageContaining("detail type");
        assertThatThrownBy(() -> outbox.event("spil.stock", "X\nY", "{}", null)).hasMessageContaining("detail type");
        String huge = "{\"x\":\"" + "a".repeat(300_000) + "\"}";
        assertThatThrownBy(() -> outbox.event("spil.stock", "X", huge, null)).hasMessageContaining("EventBridge");
    }

    @Test
    void refusesBadIdsAndSetup() {
        Outbox badIds = new Outbox("t", Clock.systemUTC(), () -> "has#hash");
        assertThatThrownBy(() -> badIds.event("spil.x", "X", "{}", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outbox id");
        Outbox noIds = new Outbox("t", Clock.systemUTC(), () -> null);
        assertThatThrownBy(() -> noIds.event("spil.x", "X", "{}", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Outbox(" ", Clock.systemUTC(), ids)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesADuplicateInACancelledTransaction() {
        TransactionCanceledException cancelled = TransactionCanceledException.builder()
                .message("Transaction cancelled")
                .cancellationReasons(
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ConditionalCheckFailed").build())
                .build();
        assertThat(Outbox.isDuplicate(cancelled, 1)).isTrue();
        assertThat(Outbox.isDuplicate(cancelled, 0)).isFalse();
        assertThat(Outbox.isDuplicate(cancelled, 2)).isFalse();
        assertThat(Outbox.isDuplicate(TransactionCanceledException.builder().build(), 0)).isFalse();
    }

    @Test
    void theStatusIndexSpreadsItemsOverEveryShard() {
        Set<String> shards = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            shards.add(OutboxStatus.PENDING.gsiKey(Outbox.pkForDedupeKey("test:" + i)));
        }
        assertThat(shards).containsExactly("STATUS#PENDING#0", "STATUS#PENDING#1", "STATUS#PENDING#2", "STATUS#PENDING#3");
    }
}
