package nl.spil.stock.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import nl.spil.testkit.LocalAws;
import nl.spil.testkit.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM. Directory data
 * (sites, people) is written straight into the DirectoryTable in the directory's layout.
 */
public final class StockFunction {

    public static final String ID = "StockFunction";
    private static StockFunction instance;

    public final LocalAws aws;
    final APIGatewayV2HTTPEventFunction handler;
    final LambdaHttp http;

    private StockFunction(LocalAws aws) {
        this.aws = aws;
        aws.tables();
        aws.applyAsSystemProperties(ID); // kept for the whole JVM: one function per test module
        this.handler = new APIGatewayV2HTTPEventFunction();
        this.http = new LambdaHttp(handler, TestContext.forFunction(aws.template(), ID));
    }

    public static synchronized StockFunction get() {
        if (instance == null) {
            instance = new StockFunction(LocalAws.get());
        }
        return instance;
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    public String table() {
        return aws.tableName("StockTable");
    }

    public HttpAnswer send(HttpEvent event) {
        return http.send(event);
    }

    public static HttpEvent event(String name) {
        return Events.http("stock/" + name);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site in the directory table (SITE#id, listed on gsi1 SITES), as the directory writes it. */
    public String site(String name, String zone, List<String> days) {
        String id = unique("site");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("SITE#" + id));
        item.put("sk", s("SITE"));
        item.put("kind", s("SITE"));
        item.put("gsi1pk", s("SITES"));
        item.put("gsi1sk", s(name.toLowerCase() + "#" + id));
        item.put("siteId", s(id));
        item.put("name", s(name));
        item.put("zone", s(zone));
        item.put("opens", s("08:00"));
        item.put("closes", s("18:00"));
        item.put("days", AttributeValue.fromL(days.stream().map(AttributeValue::fromS).toList()));
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", s("2026-01-01T00:00:00Z"));
        item.put("updatedAt", s("2026-01-01T00:00:00Z"));
        aws.dynamoDb().putItem(PutItemRequest.builder().tableName(aws.tableName("DirectoryTable")).item(item).build());
        return id;
    }

    public String site() {
        return site("Amsterdam Zuidas", "Europe/Amsterdam", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    }

    /** A person (PERSON# on gsi1 PEOPLE and the EMAIL# copy), as the directory writes them. */
    public String person(String name, String email, String language, String siteId, List<String> roles) {
        String id = unique("person");
        for (boolean byEmail : new boolean[] {false, true}) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(byEmail ? "EMAIL#" + email.toLowerCase() : "PERSON#" + id));
            item.put("sk", s(byEmail ? "EMAIL" : "PERSON"));
            item.put("kind", s(byEmail ? "EMAIL" : "PERSON"));
            if (!byEmail) {
                item.put("gsi1pk", s("PEOPLE"));
                item.put("gsi1sk", s(name.toLowerCase() + "#" + id));
            }
            item.put("personId", s(id));
            item.put("name", s(name));
            item.put("email", s(email));
            item.put("language", s(language));
            item.put("siteId", s(siteId));
            item.put("roles", AttributeValue.fromL(roles.stream().map(AttributeValue::fromS).toList()));
            item.put("version", AttributeValue.fromN("1"));
            item.put("createdAt", s("2026-01-01T00:00:00Z"));
            item.put("updatedAt", s("2026-01-01T00:00:00Z"));
            aws.dynamoDb().putItem(PutItemRequest.builder().tableName(aws.tableName("DirectoryTable")).item(item).build());
        }
        return id;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    /** Creates an item through the API (create-item.json with these values); returns its JSON. */
    public JsonNode item(String siteId, String sku, long quantity, long minimum, long reorderUpTo, String supplierId) {
        String body = "{\"siteId\":\"" + siteId + "\",\"sku\":\"" + sku + "\",\"name\":\"Item " + sku
                + "\",\"unit\":\"piece\",\"quantity\":" + quantity + ",\"minimum\":" + minimum + ",\"reorderUpTo\":"
                + reorderUpTo + ",\"unitPriceCents\":125" + (supplierId == null ? "" : ",\"supplierId\":\"" + supplierId + "\"") + "}";
        HttpAnswer created = send(event("create-item.json").header("idempotency-key", null).body(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public HttpAnswer move(String itemId, String type, long quantity, String... groups) {
        HttpEvent e = event("record-use.json").header("idempotency-key", null).pathParameter("id", itemId)
                .path("/stock/items/" + itemId + "/movements")
                .body("{\"type\":\"" + type + "\",\"quantity\":" + quantity + "}");
        if (groups.length > 0) {
            e.groups(groups);
        }
        return send(e);
    }

    /** A supplier through the API (create-supplier.json with this name and e-mail); returns its id. */
    public String supplier(String name, String email) {
        HttpAnswer created = send(event("create-supplier.json").header("idempotency-key", unique("s"))
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"leadTimeDays\":3}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    public HttpAnswer getItem(String itemId) {
        return send(event("get-item.json").pathParameter("id", itemId).path("/stock/items/" + itemId));
    }

    /** The sum of an item's ledger, read straight from the table. */
    long ledgerSum(String itemId) {
        long sum = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = aws.dynamoDb().query(QueryRequest.builder().tableName(table())
                    .keyConditionExpression("pk = :p AND begins_with(sk, :m)")
                    .expressionAttributeValues(Map.of(":p", s("ITEM#" + itemId), ":m", s("MOVE#")))
                    .consistentRead(true).exclusiveStartKey(start).build());
            for (var i : page.items()) {
                sum += Long.parseLong(i.get("delta").n());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return sum;
    }
}
