package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * What an outage or a careless stack update would find in template.yaml: data that can be lost,
 * failures nobody sees. Every stateful resource is retained and (tables) protected; every
 * function logs to its own group with a retention period; every scheduled function sends a run
 * that failed after its retries to the schedule-failures queue; the alarms an operator needs
 * exist and notify the operators' topic; and no function but an HTTP one ships the HTTP stack.
 */
class OperationsTemplateTest {

    private static final Set<String> STATEFUL = Set.of(Template.TABLE, Template.BUCKET, "AWS::Cognito::UserPool");
    private static final String HTTP_FUNCTION = "nl.spil.platform.http.HttpFunction";
    /** The one function with its own HTTP handler (the calendar feed answers calendar apps, not the API). */
    private static final String CALENDAR_FEED = "nl.spil.bookings.feed.CalendarFeedHandler";

    private final Template template = Template.ofRepo();

    @Test
    void everyStatefulResourceIsRetainedAndEveryTableProtected() {
        List<String> problems = new ArrayList<>();
        for (Template.Resource r : template.resources().values()) {
            if (!STATEFUL.contains(r.type())) {
                continue;
            }
            Map<String, Object> definition = definition(r.logicalId());
            if (!"Retain".equals(definition.get("DeletionPolicy")) || !"Retain".equals(definition.get("UpdateReplacePolicy"))) {
                problems.add(r.logicalId() + " is not retained on delete and on replacement");
            }
            if (r.type().equals(Template.TABLE) && !Boolean.TRUE.equals(r.properties().get("DeletionProtectionEnabled"))) {
                problems.add(r.logicalId() + " has no deletion protection");
            }
            if (r.type().equals(Template.TABLE) && !String.valueOf(r.properties().get("PointInTimeRecoverySpecification"))
                    .contains("PointInTimeRecoveryEnabled=true")) {
                problems.add(r.logicalId() + " has no point-in-time recovery");
            }
        }
        assertThat(template.resourcesOfType(Template.TABLE)).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithARetentionPeriod() {
        List<String> problems = new ArrayList<>();
        for (String fn : template.functions()) {
            Object logging = template.functionProperty(fn, "LoggingConfig");
            if (!(logging instanceof Map<?, ?> map) || !(map.get("LogGroup") instanceof Cfn.Ref group)) {
                problems.add(fn + " names no log group in LoggingConfig");
                continue;
            }
            Template.Resource logGroup = template.resources().get(group.name());
            if (logGroup == null || !logGroup.type().equals("AWS::Logs::LogGroup")
                    || logGroup.properties().get("RetentionInDays") == null) {
                problems.add(fn + ": " + group.name() + " is not a log group with RetentionInDays");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyScheduledRunThatFailsIsKept() {
        List<String> problems = new ArrayList<>();
        for (String fn : template.functions()) {
            boolean scheduled = template.events(fn).values().stream().anyMatch(e -> "ScheduleV2".equals(e.get("Type")));
            if (scheduled && !String.valueOf(template.functionProperty(fn, "EventInvokeConfig"))
                    .contains("Destination=GetAtt[resource=ScheduleFailuresQueue")) {
                problems.add(fn + " is scheduled but a failed run goes nowhere (EventInvokeConfig OnFailure)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theAlarmsAnOperatorNeedsNotifyTheOperators() {
        Map<String, Template.Resource> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        List<String> watched = new ArrayList<>();
        for (Template.Resource alarm : alarms.values()) {
            assertThat(String.valueOf(alarm.properties().get("AlarmActions"))).as(alarm.logicalId())
                    .contains("Ref[name=OperatorsTopic]");
            watched.add(alarm.properties().get("Namespace") + "/" + alarm.properties().get("MetricName")
                    + " " + alarm.properties().get("Dimensions"));
        }
        assertThat(watched).anySatisfy(w -> assertThat(w).contains("AWS/SQS/ApproximateNumberOfMessagesVisible", "NotifierDeadLetterQueue"))
                .anySatisfy(w -> assertThat(w).contains("AWS/SQS/ApproximateNumberOfMessagesVisible", "ScheduleFailuresQueue"))
                .anySatisfy(w -> assertThat(w).contains("AWS/Lambda/IteratorAge", "NotifierStreamFunction"))
                .anySatisfy(w -> assertThat(w).startsWith("Spil/NotificationsFailed"))
                .anySatisfy(w -> assertThat(w).startsWith("Spil/SendingPaused"))
                .anySatisfy(w -> assertThat(w).startsWith("AWS/Lambda/Errors"))
                .anySatisfy(w -> assertThat(w).startsWith("AWS/Lambda/Throttles"))
                .anySatisfy(w -> assertThat(w).startsWith("AWS/Scheduler/TargetErrorCount"));
    }

    @Test
    void theHttpFunctionsShipTheirModulesHttpJarAndEveryOtherFunctionItsEventsJar() {
        List<String> problems = new ArrayList<>();
        for (String fn : template.functions()) {
            String handler = template.handler(fn);
            String codeUri = template.codeUri(fn);
            boolean http = handler.equals(HTTP_FUNCTION) || handler.equals(CALENDAR_FEED);
            String module = codeUri.replaceFirst("^functions/([^/]+)/.*$", "$1");
            String jar = "functions/" + module + "/target/" + module + (http ? "-lambda.jar" : "-events.jar");
            if (!codeUri.equals(jar)) {
                problems.add(fn + " (" + handler + ") ships " + codeUri + ", not " + jar);
            }
        }
        assertThat(template.functions()).contains("BudgetEventsFunction", "CalendarFeedFunction");
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> definition(String logicalId) {
        return (Map<String, Object>) ((Map<String, Object>) template.document().get("Resources")).get(logicalId);
    }
}
