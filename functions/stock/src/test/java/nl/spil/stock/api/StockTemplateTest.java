package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.spil.testkit.Events;
import nl.spil.testkit.Repo;
import nl.spil.testkit.Template;
import org.junit.jupiter.api.Test;

/** template.yaml for stock: least privilege, the schedule, and every events/stock file used by a test. */
class StockTemplateTest {

    private final Template template = StockFunction.get().aws.template();

    @Test
    void theFunctionsTouchOnlyTheirTableTheOutboxAndReadTheDirectory() {
        String api = template.policies("StockFunction").toString();
        assertThat(api).contains("DynamoDBCrudPolicy={TableName=Ref[name=StockTable]}", "DynamoDBReadPolicy={TableName=Ref[name=DirectoryTable]}")
                .doesNotContain("DynamoDBCrudPolicy={TableName=Ref[name=DirectoryTable]}", "DynamoDBCrudPolicy={TableName=Ref[name=OutboxTable]}");
        String reminder = template.policies("StockReminderFunction").toString();
        assertThat(reminder).contains("DynamoDBReadPolicy={TableName=Ref[name=StockTable]}", "DynamoDBReadPolicy={TableName=Ref[name=DirectoryTable]}")
                .doesNotContain("Crud");
        for (String fn : List.of("StockFunction", "StockReminderFunction")) {
            String policies = template.policies(fn).toString();
            assertThat(policies).as(fn).contains("dynamodb:PutItem", "dynamodb:ConditionCheckItem", "GetAtt[resource=OutboxTable, attribute=Arn]")
                    .doesNotContain("dynamodb:*", "dynamodb:DeleteItem", "dynamodb:UpdateItem");
        }
    }

    @Test
    void theReminderRunsEveryHourOfEveryDayWithTheScheduledTimeAndTheStockEnvironment() {
        Map<String, Object> event = template.events("StockReminderFunction").get("ReorderReminder");
        assertThat(event.get("Type")).isEqualTo("ScheduleV2");
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) event.get("Properties");
        // every hour, every day: a site in any zone, with any working days, meets its own 08:00
        assertThat(props.get("ScheduleExpression")).isEqualTo("cron(0 * * * ? *)");
        assertThat(props.get("ScheduleExpressionTimezone")).isEqualTo("UTC");
        assertThat(props.get("Input").toString()).contains("<aws.scheduler.scheduled-time>");
        assertThat(template.handler("StockReminderFunction")).isEqualTo("nl.spil.stock.schedule.ReorderReminderHandler");
        assertThat(template.codeUri("StockReminderFunction")).isEqualTo(template.codeUri("StockFunction"));
        // one test JVM plays both functions with the stock function's environment: they must be the same
        assertThat(template.environment("StockReminderFunction")).isEqualTo(template.environment("StockFunction"));
    }

    @Test
    void everyStockEventFileIsUsedByATest() throws IOException {
        Path tests = Repo.path("functions/stock/src/test/java");
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> events = Files.list(Events.folder().resolve("stock"))) {
            for (Path e : events.toList()) {
                String name = e.getFileName().toString();
                if (!sources.toString().contains("\"" + name + "\"") && !sources.toString().contains("stock/" + name)) {
                    unused.add(name);
                }
            }
        }
        assertThat(unused).isEmpty();
    }
}
