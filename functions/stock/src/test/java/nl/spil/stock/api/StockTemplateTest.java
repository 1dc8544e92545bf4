package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.spil.localkit.Grants;
import nl.spil.localkit.Repo;
import nl.spil.localkit.Template;
import nl.spil.testkit.Events;
import org.junit.jupiter.api.Test;

/** template.yaml for stock: least privilege, the schedule, and every events/stock file used by a test. */
class StockTemplateTest {

    private final Template template = StockFunction.get().aws.template();

    @Test
    void theFunctionsTouchOnlyTheirTableTheOutboxAndReadTheDirectory() {
        assertThat(Grants.actionsOn(template, "StockFunction", "StockTable")).contains("dynamodb:PutItem", "dynamodb:UpdateItem")
                .doesNotContain("dynamodb:Scan");
        assertThat(Grants.actionsOn(template, "StockReminderFunction", "StockTable"))
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
        for (String fn : List.of("StockFunction", "StockReminderFunction")) {
            assertThat(Grants.actionsOn(template, fn, "DirectoryTable")).as(fn)
                    .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
            assertThat(Grants.actionsOn(template, fn, "OutboxTable")).as(fn)
                    .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
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
        // the module's events jar: its classes without the HTTP stack
        assertThat(template.codeUri("StockReminderFunction")).isEqualTo("functions/stock/target/stock-events.jar");
        // one test JVM plays both functions with the stock function's environment: the same, but for
        // the cursor keys, which only the function that pages lists is given
        Map<String, Object> api = new java.util.HashMap<>(template.environment("StockFunction"));
        assertThat(api.remove("CURSOR_KEYS_SECRET")).isNotNull();
        assertThat(template.environment("StockReminderFunction")).isEqualTo(api);
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
