package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Grants;
import nl.spil.localkit.Template;
import nl.spil.notifier.app.Delivering;
import nl.spil.notifier.app.SendingPause;
import nl.spil.notifier.store.LedgerAccess;
import nl.spil.notifier.stream.StreamHandlerAccess;
import nl.spil.testkit.Events;
import org.junit.jupiter.api.Test;

/** What template.yaml declares for the notifier: handlers, triggers and least privilege. */
class NotifierTemplateTest {

    private final Template template = Template.ofRepo();
    private static final List<String> FUNCTIONS = List.of("NotifierStreamFunction", "NotifierSweepFunction", "NotifierApiFunction",
            "NotifierFeedbackFunction");

    @Test
    void theRoutesRunTheHttpJarTheOthersTheEventsJarWithRealHandlerClasses() throws Exception {
        for (String fn : FUNCTIONS) {
            // the events jar holds no Micronaut and the HTTP jar no SES or EventBridge (notifier pom)
            assertThat(template.codeUri(fn)).isEqualTo(fn.equals("NotifierApiFunction")
                    ? "functions/notifier/target/notifier-lambda.jar" : "functions/notifier/target/notifier-events.jar");
            String handler = template.handler(fn);
            Class.forName(handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theStreamTriggerBisectsRetriesReportsItemFailuresAndParksWhatIsLeftInTheQueue() {
        Map<String, Object> props = (Map<String, Object>) template.events("NotifierStreamFunction").get("OutboxStream").get("Properties");
        assertThat(template.events("NotifierStreamFunction").get("OutboxStream")).containsEntry("Type", "DynamoDB");
        assertThat(props.get("Stream")).isEqualTo(new Cfn.GetAtt("OutboxTable", "StreamArn"));
        assertThat(props).containsEntry("BisectBatchOnFunctionError", true).containsEntry("MaximumRetryAttempts", 5)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) props.get("DestinationConfig")).get("OnFailure");
        assertThat(onFailure.get("Destination")).isEqualTo(new Cfn.GetAtt("NotifierDeadLetterQueue", "Arn"));
        Map<String, Object> sweep = template.events("NotifierSweepFunction").get("Sweep");
        assertThat(sweep).containsEntry("Type", "ScheduleV2");
        assertThat((Map<String, Object>) sweep.get("Properties")).containsEntry("ScheduleExpression", "rate(10 minutes)");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theStreamFilterPassesTheRecordedInsertAndTheHandlerActsOnIt() throws Exception {
        Map<String, Object> props = (Map<String, Object>) template.events("NotifierStreamFunction").get("OutboxStream").get("Properties");
        String pattern = (String) ((List<Map<String, Object>>) ((Map<String, Object>) props.get("FilterCriteria")).get("Filters")).get(0).get("Pattern");
        Map<String, Object> parsed = new ObjectMapper().readValue(pattern, Map.class);
        assertThat(parsed.get("eventName")).isEqualTo(List.of("INSERT", "MODIFY"));
        assertThat(parsed.toString()).contains("status={S=[PENDING]}");
        DynamodbEvent event = Events.load("notifier/stream-insert.json", DynamodbEvent.class);
        assertThat(StreamHandlerAccess.actionable(event.getRecords().get(0), Instant.now())).startsWith("OUTBOX#");
    }

    @Test
    void policiesNameOnlyTheOutboxTheBusTheQueueTheSenderIdentityAndTheDirectorysMarks() {
        String policies = template.policies("NotifierStreamFunction").toString() + template.policies("NotifierSweepFunction")
                + template.policies("NotifierApiFunction");
        assertThat(policies).doesNotContain("*").doesNotContain("FilesBucket");
        assertThat(template.policies("NotifierApiFunction").toString()).doesNotContain("DirectoryTable");
        for (String fn : List.of("NotifierStreamFunction", "NotifierSweepFunction")) {
            // the functions that deliver read one item of the directory per e-mail: is the address marked undeliverable?
            assertThat(Grants.actionsOn(template, fn, "DirectoryTable")).as(fn).containsExactly("dynamodb:GetItem");
            assertThat(template.environment(fn)).as(fn).containsEntry("DIRECTORY_TABLE", new Cfn.Ref("DirectoryTable"));
        }
        for (String fn : List.of("NotifierStreamFunction", "NotifierSweepFunction", "NotifierApiFunction")) {
            assertThat(Grants.actionsOn(template, fn, "OutboxTable")).as(fn)
                    .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem");
        }
        assertThat(template.policies("NotifierStreamFunction").toString())
                .contains("OutboxTable").contains("SpilBus").contains("NotifierDeadLetterQueue")
                .contains("identity/${SenderEmail}").contains("ses:SendRawEmail");
        for (String fn : List.of("NotifierStreamFunction", "NotifierSweepFunction")) {
            assertThat(template.environment(fn)).as(fn)
                    .containsEntry("EVENT_BUS_NAME", new Cfn.Ref("SpilBus"))
                    .containsEntry("SENDER_EMAIL", new Cfn.Ref("SenderEmail"))
                    .containsEntry("OUTBOX_TABLE", new Cfn.Ref("OutboxTable"))
                    .containsEntry("SES_CONFIGURATION_SET", new Cfn.Ref("SesConfigurationSet"))
                    .containsEntry("LOG_REDACTION_SECRET", new Cfn.Ref("LogRedactionKey"));
            assertThat(template.policies(fn).toString()).as(fn).contains("configuration-set/${SesConfigurationSet}");
        }
        assertThat(template.environment("NotifierFeedbackFunction")).containsEntry("LOG_REDACTION_SECRET", new Cfn.Ref("LogRedactionKey"));
        assertThat(Grants.actionsOn(template, "NotifierFeedbackFunction", "OutboxTable")).containsExactly("dynamodb:PutItem");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theAlarmsCountTheLinesTheNotifierLogs() {
        Map<String, String> metricOfToken = Map.of(Delivering.FAILED_TOKEN, "NotificationsFailed",
                SendingPause.LOG_TOKEN, "SendingPaused");
        for (var expected : metricOfToken.entrySet()) {
            for (String fn : List.of("NotifierStreamFunction", "NotifierSweepFunction")) {
                assertThat(template.resourcesOfType("AWS::Logs::MetricFilter").values()).as(fn + " " + expected.getKey())
                        .anySatisfy(filter -> {
                            Map<String, Object> p = filter.properties();
                            assertThat(p.get("LogGroupName")).isEqualTo(new Cfn.Ref(fn + "Logs"));
                            assertThat(p.get("FilterPattern")).isEqualTo("\"" + expected.getKey() + "\"");
                            Map<String, Object> metric = ((List<Map<String, Object>>) p.get("MetricTransformations")).get(0);
                            assertThat(metric).containsEntry("MetricNamespace", "Spil").containsEntry("MetricName", expected.getValue());
                        });
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theOutboxStreamCarriesNewImagesAndTheStatusIndexNoBodies() {
        Map<String, Object> table = template.resource("OutboxTable").properties();
        assertThat(((Map<String, Object>) table.get("StreamSpecification")).get("StreamViewType")).isEqualTo("NEW_IMAGE");
        Map<String, Object> gsi = ((List<Map<String, Object>>) table.get("GlobalSecondaryIndexes")).get(0);
        Map<String, Object> projection = (Map<String, Object>) gsi.get("Projection");
        assertThat(projection.get("ProjectionType")).isEqualTo("INCLUDE");
        assertThat((List<String>) projection.get("NonKeyAttributes")).containsExactlyInAnyOrderElementsOf(LedgerAccess.indexed())
                .doesNotContain("textBody", "htmlBody", "attachments", "detail");
        assertThat(template.resource("LogRedactionKey").type()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(template.parameters()).doesNotContainKey("LogRedactionKey");
    }

    @SuppressWarnings("unchecked")
    @Test
    void sesBouncesAndComplaintsReachTheFeedbackFunctionAndDeadAddressesAreSuppressed() {
        Map<String, Object> rule = template.events("NotifierFeedbackFunction").get("SesFeedback");
        assertThat(rule).containsEntry("Type", "EventBridgeRule");
        Map<String, Object> pattern = (Map<String, Object>) ((Map<String, Object>) rule.get("Properties")).get("Pattern");
        assertThat(pattern).doesNotContainKey("EventBusName").containsEntry("source", List.of("aws.ses"));
        assertThat((List<String>) pattern.get("detail-type")).containsExactlyInAnyOrder("Email Bounced", "Email Complaint Received");
        Map<String, Object> set = template.resource("SesConfigurationSet").properties();
        assertThat(set.toString()).contains("SuppressedReasons=[BOUNCE, COMPLAINT]");
        Map<String, Object> destination = (Map<String, Object>) template.resource("SesFeedbackToEventBridge").properties()
                .get("EventDestination");
        assertThat((List<String>) destination.get("MatchingEventTypes")).containsExactlyInAnyOrder("bounce", "complaint");
        assertThat(destination.get("EventBridgeDestination").toString()).contains("event-bus/default");
    }
}
