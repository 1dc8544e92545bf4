package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.spil.localkit.LocalAws;
import nl.spil.testkit.DirectoryItems;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The stock function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM. Directory data
 * (sites, people) is written straight into the DirectoryTable in the directory's layout.
 */
public final class StockFunction {

    public static final String ID = "StockFunction";
    /** The default cost centre of the sites {@link #site()} makes. */
    public static final String COST_CENTRE = "CC-TEST";
    private static StockFunction instance;

    public final LocalAws aws;
    private final FunctionUnderTest function;
    private final DirectoryItems directory;
    public final LambdaHttp http;

    private StockFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.directory = new DirectoryItems(aws);
        this.http = function.http;
    }

    public static synchronized StockFunction get() {
        if (instance == null) {
            instance = new StockFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    public ApplicationContext context() {
        return function.context();
    }

    public String table() {
        return function.table("StockTable");
    }

    public HttpAnswer send(HttpEvent event) {
        return function.send(event);
    }

    public static HttpEvent event(String name) {
        return Events.http("stock/" + name);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A site in the directory (see DirectoryItems); {@code days} as DayOfWeek names. */
    public String site(String name, String zone, List<String> days) {
        return directory.site(name, zone, days.stream().map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))));
    }

    /** A site whose purchase orders are charged to {@link #COST_CENTRE} unless they name another. */
    public String site() {
        String site = siteWithoutPurchasingDefaults();
        HttpAnswer set = setPurchasingDefaults(site, "{\"costCentre\":\"" + COST_CENTRE + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return site;
    }

    public String siteWithoutPurchasingDefaults() {
        return directory.site("Amsterdam Zuidas", "Europe/Amsterdam", DirectoryItems.WEEKDAYS);
    }

    /** PUT /stock/sites/{siteId}/purchasing (set-purchasing-defaults.json with this body). */
    public HttpAnswer setPurchasingDefaults(String siteId, String body) {
        return send(event("set-purchasing-defaults.json").pathParameter("siteId", siteId)
                .path("/stock/sites/" + siteId + "/purchasing").body(body));
    }

    /** A person in the directory (see DirectoryItems). */
    public String person(String name, String email, String language, String siteId, List<String> roles) {
        return directory.person(name, email, language, siteId, roles);
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
