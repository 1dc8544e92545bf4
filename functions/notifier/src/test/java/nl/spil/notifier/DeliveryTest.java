package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.spil.notifier.stream.StreamHandler;
import nl.spil.notifier.stream.StreamImages;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.MimeComposer;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxStatus;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.RecordedOutcomes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** E-mails and events from the stream to SES and EventBridge, read back from the local AWS. */
class DeliveryTest {

    private static final NotifierHarness H = NotifierHarness.get();
    private final StreamHandler handler = new StreamHandler(H.notifier(Clock.systemUTC()));

    @Test
    void theRecordedStreamEventDeliversItsInvitationOnceEvenWhenGivenTwice() throws Exception {
        DynamodbEvent event = Events.load("notifier/stream-insert.json", DynamodbEvent.class);
        Map<String, AttributeValue> image = StreamImages.toSdk(event.getRecords().get(0).getDynamodb().getNewImage());
        H.dynamo.putItem(b -> b.tableName(H.table()).item(image));
        String pk = image.get("pk").s();
        String to = image.get("toAddress").s();
        int before = H.sentTo(to).size();
        RecordedOutcomes.Mark mark = H.outcomes.mark();

        StreamsEventResponse first = handler.handleRequest(event, H.context(NotifierHarness.STREAM_FN));
        StreamsEventResponse second = handler.handleRequest(Events.load("notifier/stream-insert.json", DynamodbEvent.class),
                H.context(NotifierHarness.STREAM_FN));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = H.item(pk);
        assertThat(item.get("status").s()).isEqualTo("DONE");
        assertThat(item.get("attempts").n()).isEqualTo("1");
        assertThat(item.get("deliveryId").s()).isNotBlank();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isGreaterThan(System.currentTimeMillis() / 1000 + 29 * 86400);
        assertThat(item).doesNotContainKeys("gsi1pk", "leaseOwner", "leaseUntil");
        // sent: the outbox keeps no message, address or attachment, only what dedupes it until it expires
        assertThat(item).doesNotContainKeys("subject", "textBody", "htmlBody", "attachments", "toAddress", "toName",
                "fromName", "replyToAddress");
        List<String> sent = H.sentTo(to);
        assertThat(sent).hasSize(before + 1);
        assertThat(mark.since()).as("sent once, counted once").isEqualTo(Map.of(Outcome.MAIL_SENT, 1L));

        MimeMessage mail = StrictMail.parse(sent.get(sent.size() - 1));
        assertThat(mail.getSubject()).isEqualTo("Bevestigd: Vergaderruimte Amstel, maandag 29 maart 10:00–11:00");
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        List<Part> parts = StrictMail.leaves(mail);
        Part ics = parts.stream().filter(p -> "uitnodiging.ics".equals(fileName(p))).findFirst().orElseThrow();
        assertThat(ics.getContentType()).startsWith("text/calendar");
        assertThat(StrictMail.validCalendar(ics).getComponents()).isNotEmpty();
        String text = StrictMail.text(parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow());
        assertThat(text).contains("Je boeking van Vergaderruimte Amstel is bevestigd")
                .contains("Dit is een automatisch bericht van Spil.");
        assertThat(StrictMail.text(parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow()))
                .contains("automatisch bericht van Spil");
    }

    @Test
    void anEmailToAnAddressTheDirectoryMarksUndeliverableIsNotSentButFailedWithTheReason() {
        DirectoryItems directory = new DirectoryItems(H.aws);
        String bounced = NotifierHarness.uniqueAddress("bounced");
        String fine = NotifierHarness.uniqueAddress("fine");
        String bouncedId = directory.person("Bo Terug", bounced, "nl", null, List.of("staff"));
        directory.person("Fien Goed", fine, "en", null, List.of("staff"));
        directory.markUndeliverable(bouncedId, bounced,
                new MailUndeliverable(MailUndeliverable.Reason.BOUNCE, Instant.parse("2026-11-30T09:00:00Z")));
        OutboxItem.Email toBounced = H.enqueue(NotifierHarness.message(bounced, Language.NL));
        OutboxItem.Email toFine = H.enqueue(NotifierHarness.message(fine, Language.EN));
        OutboxItem.Email toStranger = H.enqueue(NotifierHarness.message(NotifierHarness.uniqueAddress("visitor"), Language.EN));
        RecordedOutcomes.Mark mark = H.outcomes.mark();

        StreamsEventResponse response = handler.handleRequest(H.inserts(List.of(toBounced, toFine, toStranger)),
                H.context(NotifierHarness.STREAM_FN));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> failed = H.item(toBounced.pk());
        assertThat(failed.get("status").s()).isEqualTo("FAILED");
        assertThat(failed.get("lastError").s()).contains("not sent", "bounced for good on 2026-11-30")
                .doesNotContain(bounced);
        assertThat(H.sentTo(bounced)).isEmpty();
        // a person whose address is fine, and an address the directory does not know (a visitor's), are mailed
        assertThat(H.status(toFine.pk())).isEqualTo("DONE");
        assertThat(H.sentTo(fine)).hasSize(1);
        assertThat(H.status(toStranger.pk())).isEqualTo("DONE");
        assertThat(mark.since()).isEqualTo(Map.of(Outcome.MAIL_SENT, 2L, Outcome.MAIL_FAILED, 1L));
    }

    @Test
    void aPlainEmailGoesAsMultipartAlternativeFromTheSenderIdentityWithTheFooterInItsLanguage() throws Exception {
        String to = NotifierHarness.uniqueAddress("anna");
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.EN));

        StreamsEventResponse response = handler.handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(H.status(item.pk())).isEqualTo("DONE");
        List<String> sent = H.sentTo(to);
        assertThat(sent).hasSize(1);
        MimeMessage mail = StrictMail.parse(sent.get(0));
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(mail.getHeader("From")[0]).contains("Spil Bookings").contains("<spil@example.org>");
        assertThat(mail.getSubject()).isEqualTo("Bevestigd: Vergaderruimte Amstel — maandag");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getMessageID()).isEqualTo(H.notifier(Clock.systemUTC()).channels().compose(item.message()).length > 0
                ? new MimeComposer(Clock.systemUTC(), "example.org").messageId(item.message().messageIdSeed())
                : null);
        assertThat(H.faults.configurationSet(to)).as("sent with the configuration set that reports bounces")
                .isEqualTo(H.settings.require("SES_CONFIGURATION_SET"));
        assertThat(StrictMail.text(StrictMail.leaves(mail).get(0))).contains("This is an automated message from Spil.");
    }

    @Test
    void aCsvAttachmentArrivesByteForByte() throws Exception {
        String to = NotifierHarness.uniqueAddress("finance");
        byte[] csv = "cost centre;amount\r\nKantoor;12,50\r\n\"Zoë\";3\n".getBytes(StandardCharsets.UTF_8);
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL)
                .withAttachment(Attachment.csv("rapport maart.csv", csv)));

        handler.handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));

        MimeMessage mail = StrictMail.parse(H.sentTo(to).get(0));
        Part part = StrictMail.leaves(mail).stream().filter(p -> "rapport maart.csv".equals(fileName(p))).findFirst().orElseThrow();
        try (var in = part.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(csv);
        }
    }

    @Test
    void aDomainEventIsPutOnTheBusAndMarkedDone() {
        OutboxItem.Event event = H.enqueueEvent("PurchaseOrderReceived", "{\"purchaseOrderId\":\"po-1\",\"amountCents\":1250}");
        RecordedOutcomes.Mark mark = H.outcomes.mark();

        StreamsEventResponse response = handler.handleRequest(H.inserts(List.of(event)), H.context(NotifierHarness.STREAM_FN));
        assertThat(mark.since()).as("an event is no e-mail").isEmpty();

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = H.item(event.pk());
        assertThat(item.get("status").s()).isEqualTo("DONE");
        assertThat(item.get("deliveryId").s()).isNotBlank();
        assertThat(item).doesNotContainKey("detail");
    }

    @Test
    void anEventForABusThatDoesNotExistFailsWithItsReasonAfterOneTry() {
        var notifier = H.notifier(Clock.systemUTC(), Map.of("EVENT_BUS_NAME", "no-such-bus"));
        OutboxItem.Event event = H.enqueueEvent("StockLow", "{}");

        new StreamHandler(notifier).handleRequest(H.inserts(List.of(event)), H.context(NotifierHarness.STREAM_FN));

        Map<String, AttributeValue> item = H.item(event.pk());
        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("attempts").n()).isEqualTo("1");
        assertThat(item.get("lastError").s()).contains("ResourceNotFoundException");
        assertThat(item.get("gsi1pk").s()).isEqualTo(OutboxStatus.FAILED.gsiKey(event.pk()));
    }

    @Test
    void recordsOfTheNotifiersOwnWritesAreIgnored() {
        String to = NotifierHarness.uniqueAddress("bob");
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL));
        handler.handleRequest(H.inserts(List.of(item)), H.context(NotifierHarness.STREAM_FN));

        // the MODIFY to DONE comes through the stream too: nothing happens
        StreamsEventResponse response = handler.handleRequest(H.modifies(List.of(item.pk())), H.context(NotifierHarness.STREAM_FN));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(H.sentTo(to)).hasSize(1);
    }

    @Test
    void withTooLittleTimeLeftNothingStartsAndTheRecordsAreReportedForRedelivery() {
        String to = NotifierHarness.uniqueAddress("late");
        OutboxItem.Email item = H.enqueue(NotifierHarness.message(to, Language.NL));
        DynamodbEvent batch = H.inserts(List.of(item));

        StreamsEventResponse response = handler.handleRequest(batch,
                nl.spil.testkit.TestContext.forFunction(NotifierHarness.STREAM_FN, 1024, java.time.Duration.ofSeconds(5)));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getRecords().get(0).getDynamodb().getSequenceNumber());
        assertThat(H.status(item.pk())).isEqualTo("PENDING");
        assertThat(H.sentTo(to)).isEmpty();
        // redelivered with time to spare, it goes out
        assertThat(handler.handleRequest(batch, H.context(NotifierHarness.STREAM_FN)).getBatchItemFailures()).isEmpty();
        assertThat(H.sentTo(to)).hasSize(1);
    }

    static String fileName(Part p) {
        try {
            return p.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    static boolean isType(Part p, String type) {
        try {
            return p.isMimeType(type) && p.getFileName() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
