package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.spil.localkit.Cfn;
import nl.spil.testkit.Events;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/**
 * template.yaml for the budget: least privilege as explicit statements (no SAM policy templates,
 * which would grant Scan), one environment for the module's three functions, the event rules and
 * the schedule, and every events/budget file used by a test.
 */
class BudgetTemplateTest {

    private static final List<String> FUNCTIONS = List.of("BudgetFunction", "BudgetEventsFunction", "BudgetMonthlyReportFunction");
    private final Template template = Template.ofRepo();

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statements(String function) {
        assertThat(template.policies(function)).as(function).hasSize(1);
        Map<String, Object> policy = (Map<String, Object>) template.policies(function).get(0);
        assertThat(policy).containsOnlyKeys("Statement");
        return (List<Map<String, Object>>) policy.get("Statement");
    }

    private Map<String, Object> statement(String function, String sid) {
        return statements(function).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError(function + " has no statement " + sid));
    }

    @Test
    void eachFunctionMayDoExactlyWhatItDoesOnExactlyItsResources() {
        for (String fn : FUNCTIONS) {
            String all = statements(fn).toString();
            assertThat(all).as(fn).doesNotContain("dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:*", "s3:*", "s3:ListBucket");
            assertThat(statement(fn, "OutboxWriteOnly").get("Action")).isEqualTo(List.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem"));
            assertThat(statement(fn, "DirectoryPeople").get("Action").toString()).doesNotContain("Put", "Update");
            assertThat(statement(fn, "BudgetTable").get("Action").toString()).doesNotContain("Delete");
        }
        assertThat(statement("BudgetFunction", "Receipts")).containsEntry("Action",
                List.of("s3:PutObject", "s3:GetObject", "s3:GetObjectVersion", "s3:DeleteObjectVersion"))
                .containsEntry("Resource", new Cfn.Sub("${FilesBucket.Arn}/budget/receipts/*", Map.of()));
        assertThat(statement("BudgetMonthlyReportFunction", "MonthlyReports")).containsEntry("Action", List.of("s3:PutObject", "s3:GetObject"))
                .containsEntry("Resource", new Cfn.Sub("${FilesBucket.Arn}/budget/reports/*", Map.of()));
        assertThat(statements("BudgetEventsFunction").toString()).doesNotContain("s3:");
        assertThat(statement("BudgetFunction", "DirectoryPeople").get("Action")).isEqualTo(List.of("dynamodb:GetItem"));
    }

    @Test
    void theThreeFunctionsOfTheModuleShareOneEnvironment() {
        for (String fn : FUNCTIONS) {
            // the routes from the HTTP jar, the consumer and the report from the events jar (no HTTP stack)
            assertThat(template.codeUri(fn)).isEqualTo(fn.equals("BudgetFunction")
                    ? "functions/budget/target/budget-lambda.jar" : "functions/budget/target/budget-events.jar");
            // one test JVM plays all three with the HTTP function's environment: they must be the same,
            // but for the cursor keys, which only the function that pages may read
            Map<String, Object> http = new HashMap<>(template.environment("BudgetFunction"));
            if (!fn.equals("BudgetFunction")) {
                assertThat(http.remove("CURSOR_KEYS_SECRET")).isEqualTo(new Cfn.Ref("CursorKeys"));
            }
            assertThat(template.environment(fn)).as(fn).isEqualTo(http);
        }
        assertThat(template.environment("BudgetFunction")).containsEntry("TABLE_NAME", new Cfn.Ref("BudgetTable"))
                .containsEntry("FILES_BUCKET", new Cfn.Ref("FilesBucket"))
                .containsEntry("DIRECTORY_TABLE", new Cfn.Ref("DirectoryTable"));
        assertThat(template.handler("BudgetEventsFunction")).isEqualTo("nl.spil.budget.events.BudgetEventsHandler");
        assertThat(template.handler("BudgetMonthlyReportFunction")).isEqualTo("nl.spil.budget.schedule.MonthlyReportHandler");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsumerListensToStocksPurchaseOrdersAndTheBudgetsCrossingsOnTheBus() {
        Map<String, Object> orders = (Map<String, Object>) template.events("BudgetEventsFunction").get("PurchaseOrders");
        assertThat(orders.get("Type")).isEqualTo("EventBridgeRule");
        Map<String, Object> props = (Map<String, Object>) orders.get("Properties");
        assertThat(props.get("EventBusName")).isEqualTo(new Cfn.Ref("SpilBus"));
        assertThat(props.get("Pattern")).isEqualTo(Map.of("source", List.of("nl.spil.stock"),
                "detail-type", List.of("PurchaseOrderSent", "PurchaseOrderReceived", "PurchaseOrderCancelled")));
        Map<String, Object> crossings = (Map<String, Object>) template.events("BudgetEventsFunction").get("ThresholdCrossings");
        assertThat(((Map<String, Object>) crossings.get("Properties")).get("Pattern"))
                .isEqualTo(Map.of("source", List.of("nl.spil.budget"), "detail-type", List.of("BudgetThresholdCrossed")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonthlyReportFiresAtSevenOnTheFirstDaysOfTheMonthInTheOrganisationsZone() {
        Map<String, Object> event = template.events("BudgetMonthlyReportFunction").get("MonthlyReport");
        assertThat(event.get("Type")).isEqualTo("ScheduleV2");
        Map<String, Object> props = (Map<String, Object>) event.get("Properties");
        assertThat(props.get("ScheduleExpression")).isEqualTo("cron(0 7 1-4 * ? *)");
        assertThat(props.get("ScheduleExpressionTimezone")).isEqualTo(new Cfn.Ref("DefaultSiteZone"));
        assertThat(props.get("Input").toString()).contains("<aws.scheduler.scheduled-time>");
    }

    @Test
    void everyBudgetEventFileIsUsedByATest() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repo.path("functions/budget/src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> events = Files.list(Events.folder().resolve("budget"))) {
            for (Path e : events.toList()) {
                String name = e.getFileName().toString();
                if (!sources.toString().contains("\"" + name + "\"") && !sources.toString().contains("budget/" + name)) {
                    unused.add(name);
                }
            }
        }
        assertThat(unused).isEmpty();
    }
}
