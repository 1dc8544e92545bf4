package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.spil.localkit.Cfn;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * The visitors functions in template.yaml: explicit statements on their own table and indexes
 * (no SAM policy templates, no Scan), the directory read-only, the outbox only added to (and
 * erased from); the schedules and the PersonLeft rule; the table's keys, TTL and protection.
 */
class VisitorsTemplateTest {

    private final Template template = Template.ofRepo();
    private static final List<String> FUNCTIONS = List.of("VisitorsFunction", "VisitorsDayEndFunction", "VisitorsPurgeFunction",
            "VisitorsPersonLeftFunction");

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statements(String fn) {
        List<Object> policies = template.policies(fn);
        assertThat(policies).as(fn + ": one explicit policy document").hasSize(1);
        return (List<Map<String, Object>>) ((Map<String, Object>) policies.get(0)).get("Statement");
    }

    @Test
    void everyFunctionNamesExactActionsOnItsOwnResourcesAndNeverScans() {
        for (String fn : FUNCTIONS) {
            for (Map<String, Object> statement : statements(fn)) {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                if ("CursorKeys".equals(statement.get("Sid"))) { // the HTTP function signs its list cursors
                    assertThat(fn).isEqualTo("VisitorsFunction");
                    assertThat(statement).containsEntry("Action", "secretsmanager:GetSecretValue")
                            .containsEntry("Resource", new Cfn.Ref("CursorKeys"));
                    continue;
                }
                assertThat(statement.get("Action").toString()).as(fn).doesNotContain("Scan", "*");
                if ("CursorKeys".equals(statement.get("Sid"))) {
                    // only the function that pages reads the cursor keys
                    assertThat(fn).isEqualTo("VisitorsFunction");
                    assertThat(statement.get("Action")).isEqualTo("secretsmanager:GetSecretValue");
                    continue;
                }
                assertThat(statement.get("Resource").toString()).as(fn)
                        .containsAnyOf("VisitorsTable", "DirectoryTable", "OutboxTable").doesNotContain("BookingsTable", "StockTable");
            }
            assertThat(template.environment(fn)).as(fn).containsEntry("TABLE_NAME", new Cfn.Ref("VisitorsTable"))
                    .containsEntry("DIRECTORY_TABLE", new Cfn.Ref("DirectoryTable"));
            // HTTP routes from the HTTP jar, schedules and the consumer from the events jar (no HTTP stack)
            assertThat(template.functionProperty(fn, "CodeUri")).isEqualTo(fn.equals("VisitorsFunction")
                    ? "functions/visitors/target/visitors-lambda.jar" : "functions/visitors/target/visitors-events.jar");
        }
        Map<String, Object> directory = statements("VisitorsFunction").stream().filter(s -> "DirectoryReadOnly".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertThat((List<String>) directory.get("Action")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query");
        Map<String, Object> outbox = statements("VisitorsFunction").stream().filter(s -> "OutboxAddAndErase".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertThat((List<String>) outbox.get("Action"))
                .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theSchedulesAndTheRuleAreWiredToTheirHandlers() {
        assertThat(template.handler("VisitorsFunction")).isEqualTo("nl.spil.platform.http.HttpFunction");
        assertThat(template.handler("VisitorsDayEndFunction")).isEqualTo("nl.spil.visitors.schedule.DayEndHandler");
        assertThat(template.handler("VisitorsPurgeFunction")).isEqualTo("nl.spil.visitors.schedule.PurgeHandler");
        assertThat(template.handler("VisitorsPersonLeftFunction")).isEqualTo("nl.spil.visitors.events.PersonLeftHandler");
        Map<String, Object> hourly = (Map<String, Object>) ((Map<String, Object>) template.events("VisitorsDayEndFunction")
                .get("Hourly")).get("Properties");
        assertThat(hourly).containsEntry("ScheduleExpression", "cron(0 * * * ? *)").containsEntry("ScheduleExpressionTimezone", "Europe/Amsterdam");
        assertThat((String) hourly.get("Input")).contains("<aws.scheduler.scheduled-time>");
        Map<String, Object> daily = (Map<String, Object>) ((Map<String, Object>) template.events("VisitorsPurgeFunction")
                .get("Daily")).get("Properties");
        assertThat((String) daily.get("ScheduleExpression")).startsWith("cron(30 3 ");
        Map<String, Object> rule = (Map<String, Object>) template.events("VisitorsPersonLeftFunction").get("PersonLeft");
        assertThat(rule.get("Type")).isEqualTo("EventBridgeRule");
        Map<String, Object> properties = (Map<String, Object>) rule.get("Properties");
        assertThat(properties.get("EventBusName")).isEqualTo(new Cfn.Ref("SpilBus"));
        assertThat(properties.get("Pattern")).isEqualTo(Map.of("source", List.of("nl.spil.directory"), "detail-type", List.of("PersonLeft")));
    }
}
