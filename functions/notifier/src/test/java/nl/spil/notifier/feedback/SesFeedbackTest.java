package nl.spil.notifier.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.localkit.LocalAws;
import nl.spil.notifier.Notifier;
import nl.spil.notifier.domain.EmailBounced;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.DynamoClients;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.outbox.OutboxItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SES's bounce and complaint events, as the default bus delivers them, become EmailBounced for the directory. */
class SesFeedbackTest {

    private static LocalAws aws;
    private static DynamoDbClient dynamo;
    private static SesFeedbackHandler handler;

    @BeforeAll
    static void start() {
        aws = LocalAws.get();
        aws.tables();
        dynamo = DynamoClients.create();
        try (var environment = aws.applyAsSystemProperties("NotifierFeedbackFunction")) {
            handler = new SesFeedbackHandler(Notifier.recordingBounces(Settings.fromEnvironment(), dynamo, Clock.systemUTC()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String file) {
        return new HashMap<>(Events.load("notifier/" + file, Map.class));
    }

    private static Map<String, AttributeValue> outbox(EmailBounced event) {
        return dynamo.getItem(b -> b.tableName(aws.tableName("OutboxTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(Outbox.pkForDedupeKey(event.dedupeKey())),
                        "sk", AttributeValue.fromS("OUTBOX")))).item();
    }

    @Test
    void aPermanentBounceTellsTheDirectoryOnceAboutTheDeadAddress() throws Exception {
        Map<String, Object> bounce = event("ses-bounce.json");
        assertThat(bounce).containsEntry("detail-type", "Email Bounced").containsEntry("source", "aws.ses");

        Map<String, Object> first = handler.handleRequest(bounce, TestContext.forFunction(aws.template(), "NotifierFeedbackFunction"));
        Map<String, Object> again = handler.handleRequest(event("ses-bounce.json"), null);

        assertThat(first).containsEntry("eventsEnqueued", 1);
        assertThat(again).as("EventBridge delivering it twice tells nothing twice").containsEntry("eventsEnqueued", 0);
        EmailBounced expected = SesFeedbackHandler.feedback(bounce).orElseThrow().deadAddresses().get(0);
        assertThat(expected.email()).isEqualTo("gone.for.good@example.org");
        OutboxItem.Event queued = (OutboxItem.Event) OutboxItems.fromItem(outbox(expected));
        assertThat(queued.source()).isEqualTo("nl.spil.notifier");
        assertThat(queued.detailType()).isEqualTo("EmailBounced");
        JsonNode detail = new ObjectMapper().readTree(queued.detail());
        assertThat(detail.path("email").asText()).isEqualTo("gone.for.good@example.org");
        assertThat(detail.path("reason").asText()).isEqualTo("BOUNCE");
        assertThat(detail.path("bounceType").asText()).isEqualTo("Permanent");
        assertThat(detail.path("occurredAt").asText()).isEqualTo("2027-03-29T08:15:02Z");
        assertThat(detail.path("feedbackId").asText()).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aComplaintIsADeadAddressTooAndATransientBounceIsNot() {
        Map<String, Object> complaint = event("ses-complaint.json");
        assertThat(complaint).containsEntry("detail-type", "Email Complaint Received");
        assertThat(handler.handleRequest(complaint, null)).containsEntry("eventsEnqueued", 1);
        EmailBounced complained = SesFeedbackHandler.feedback(complaint).orElseThrow().deadAddresses().get(0);
        assertThat(complained.reason()).isEqualTo(EmailBounced.Reason.COMPLAINT);
        assertThat(outbox(complained)).isNotEmpty();

        Map<String, Object> transientBounce = event("ses-bounce.json");
        Map<String, Object> detail = new HashMap<>((Map<String, Object>) transientBounce.get("detail"));
        Map<String, Object> bounce = new HashMap<>((Map<String, Object>) detail.get("bounce"));
        bounce.put("bounceType", "Transient");
        bounce.put("feedbackId", "transient-" + System.nanoTime());
        detail.put("bounce", bounce);
        transientBounce.put("detail", detail);
        assertThat(handler.handleRequest(transientBounce, null)).containsEntry("eventsEnqueued", 0);
    }

    @Test
    void anEventWithoutFeedbackIsIgnoredAndAMalformedOneFails() {
        assertThat(handler.handleRequest(Map.of("detail", Map.of("eventType", "Send")), null)).containsEntry("eventsEnqueued", 0);
        assertThatThrownBy(() -> handler.handleRequest(Map.of("detail", Map.of("bounce",
                Map.of("bounceType", "Permanent", "bouncedRecipients", List.of()))), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feedbackId");
    }
}
