package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.spil.budget.events.BudgetEventsHandler;
import nl.spil.budget.schedule.MonthlyReportHandler;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.Outboxes;
import nl.spil.testkit.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The budget functions as Lambda runs them: the HTTP function's real handler with the environment
 * template.yaml gives it, and the event consumer and monthly schedule handlers of the same jar (the
 * template gives all three the same environment; BudgetTemplateTest checks it). Tables and the
 * files bucket are created from the template in the local AWS. Directory people are written
 * straight into the DirectoryTable in the directory's own layout.
 */
public final class BudgetFunction {

    public static final String ID = "BudgetFunction";
    private static BudgetFunction instance;

    public final LocalAws aws;
    private final FunctionUnderTest function;
    private final DirectoryItems directory;
    private BudgetEventsHandler events;
    private MonthlyReportHandler monthly;

    private BudgetFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.directory = new DirectoryItems(aws);
    }

    public static synchronized BudgetFunction get() {
        if (instance == null) {
            instance = new BudgetFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    public ApplicationContext context() {
        return function.context();
    }

    public String table() {
        return function.table("BudgetTable");
    }

    public String bucket() {
        return aws.bucketName("FilesBucket");
    }

    /** Sends an event through the handler; every answer is checked against docs/openapi.yaml. */
    public HttpAnswer send(HttpEvent event) {
        return function.sendKeepingOpenApi(event);
    }

    public static HttpEvent event(String name) {
        return Events.http("budget/" + name);
    }

    /** A code no other test uses. */
    public static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A person in the directory; answers the id. */
    public String person(String name, String language, String... roles) {
        return directory.person(name, code("p") + "@example.org", language, null, List.of(roles));
    }

    public String personWithEmail(String name, String email, String language, String... roles) {
        return directory.person(name, email, language, null, List.of(roles));
    }

    public HttpAnswer createCostCentre(String code, String name, String ownerId) {
        return send(event("create-cost-centre.json").header("idempotency-key", null)
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"ownerId\":\"" + ownerId + "\"}"));
    }

    public void costCentre(String code, String ownerId) {
        HttpAnswer a = createCostCentre(code, "Cost centre " + code, ownerId);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
    }

    /** A category (categories are organisation-wide: one another test made is fine). */
    public void category(String code, String name) {
        HttpAnswer a = send(event("create-category.json").header("idempotency-key", null)
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}"));
        assertThat(a.status()).as(a.toString()).isIn(201, 409);
    }

    public HttpAnswer setBudget(String costCentre, String category, int year, long cents, String months) {
        return send(event("create-budget.json").header("idempotency-key", null)
                .body("{\"year\":" + year + ",\"costCentre\":\"" + costCentre + "\",\"category\":\"" + category
                        + "\",\"amount\":" + money(cents) + (months == null ? "" : ",\"months\":" + months) + "}"));
    }

    public void budget(String costCentre, String category, int year, long cents) {
        HttpAnswer a = setBudget(costCentre, category, year, cents, null);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
    }

    public static String money(long cents) {
        return "{\"amountCents\":" + cents + ",\"currency\":\"EUR\"}";
    }

    public static String expenseBody(String costCentre, String category, String date, long cents) {
        return "{\"date\":\"" + date + "\",\"amount\":" + money(cents) + ",\"supplier\":\"Bakkerij de Vries\","
                + "\"description\":\"Lunch\",\"costCentre\":\"" + costCentre + "\",\"category\":\"" + category + "\"}";
    }

    public HttpAnswer recordExpense(String costCentre, String category, String date, long cents) {
        return send(event("record-expense.json").header("idempotency-key", null).body(expenseBody(costCentre, category, date, cents)));
    }

    public JsonNode expense(String costCentre, String category, String date, long cents) {
        HttpAnswer a = recordExpense(costCentre, category, date, cents);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        return a.json();
    }

    public JsonNode report(String costCentre, int year, int month) {
        HttpAnswer a = send(event("budget-report.json").queryParameter("year", Integer.toString(year))
                .queryParameter("month", Integer.toString(month)).queryParameter("costCentre", costCentre));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }

    /** The figures of one category in a one-cost-centre report. */
    public JsonNode figures(String costCentre, String category, int year, int month) {
        for (JsonNode line : report(costCentre, year, month).path("costCentres").get(0).path("categories")) {
            if (line.path("category").asText().equals(category)) {
                return line.path("figures");
            }
        }
        throw new AssertionError("no line for " + category + " in the report of " + costCentre);
    }

    public synchronized BudgetEventsHandler events() {
        if (events == null) {
            events = new BudgetEventsHandler();
        }
        return events;
    }

    public synchronized MonthlyReportHandler monthly() {
        if (monthly == null) {
            monthly = new MonthlyReportHandler();
        }
        return monthly;
    }

    /** Delivers a bus event to the consumer, as the rule would. */
    public Map<String, Object> deliver(Map<String, Object> event) {
        return events().handleRequest(event, TestContext.forFunction(aws.template(), "BudgetEventsFunction"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> busEvent(String name) {
        return deepCopy(Events.load("budget/" + name, Map.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }

    public Map<String, Object> runMonthly(String scheduledTime) {
        return monthly().handleRequest(new HashMap<>(Map.of("scheduledTime", scheduledTime)),
                TestContext.forFunction(aws.template(), "BudgetMonthlyReportFunction"));
    }

    public Optional<OutboxItem> outbox(String dedupeKey) {
        return Outboxes.byDedupeKey(aws, dedupeKey);
    }

    /** Every item of the budget table and the outbox, to show a refused request changed nothing. */
    public List<Map<String, AttributeValue>> everything() {
        List<Map<String, AttributeValue>> all = new java.util.ArrayList<>();
        for (String t : List.of(table(), aws.tableName("OutboxTable"))) {
            Map<String, AttributeValue> start = null;
            do {
                var page = aws.dynamoDb().scan(ScanRequest.builder().tableName(t).consistentRead(true).exclusiveStartKey(start).build());
                all.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return all;
    }
}
