package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/** DynamoDB requests per endpoint of stock-takes, suppliers and purchase orders (items: ItemsApiTest). */
class RequestCountsTest {

    private final StockFunction fn = StockFunction.get();

    private static Map<String, Long> measure(String what, int status, Supplier<HttpAnswer> call) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = call.get();
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
        System.out.println("requests " + what + ": " + usage.byOperation());
        return usage.byOperation();
    }

    @Test
    void perEndpoint() {
        String site = fn.site();
        String supplierId = fn.supplier("Counted", "counted@example.com");
        String a = fn.item(site, "A", 1, 5, 10, supplierId).path("id").asText();
        String b = fn.item(site, "B", 8, 5, 10, supplierId).path("id").asText();

        assertThat(measure("POST /stock/counts", 201, () -> fn.send(StockFunction.event("open-count.json")
                .header("idempotency-key", null).body("{\"siteId\":\"" + site + "\"}"))))
                .isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
        String count = fn.send(StockFunction.event("open-count.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\"}")).json().path("id").asText();
        assertThat(measure("PUT /stock/counts/{id}/lines/{itemId}", 200, () -> fn.send(StockFunction.event("record-count-line.json")
                .pathParameter("id", count).pathParameter("itemId", a).path("/stock/counts/" + count + "/lines/" + a).body("{\"counted\":2}"))))
                .isEqualTo(Map.of("GetItem", 2L, "TransactWriteItems", 1L));
        fn.send(StockFunction.event("record-count-line.json").pathParameter("id", count).pathParameter("itemId", b)
                .path("/stock/counts/" + count + "/lines/" + b).body("{\"counted\":7}"));
        assertThat(measure("POST /stock/counts/{id}/close", 200, () -> fn.send(StockFunction.event("close-count.json")
                .pathParameter("id", count).path("/stock/counts/" + count + "/close"))))
                .isEqualTo(Map.of("GetItem", 2L, "Query", 2L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
        assertThat(measure("POST /stock/counts/{id}/close (again)", 200, () -> fn.send(StockFunction.event("close-count.json")
                .pathParameter("id", count).path("/stock/counts/" + count + "/close"))))
                .isEqualTo(Map.of("GetItem", 1L, "Query", 1L));

        assertThat(measure("GET /suppliers", 200, () -> fn.send(StockFunction.event("list-suppliers.json"))))
                .isEqualTo(Map.of("Query", 1L));
        assertThat(measure("GET /suppliers/{id}", 200, () -> fn.send(StockFunction.event("get-supplier.json")
                .pathParameter("id", supplierId).path("/suppliers/" + supplierId)))).isEqualTo(Map.of("GetItem", 1L));
        assertThat(measure("PUT /suppliers/{id}", 200, () -> fn.send(StockFunction.event("update-supplier.json")
                .pathParameter("id", supplierId).path("/suppliers/" + supplierId))))
                .isEqualTo(Map.of("GetItem", 1L, "PutItem", 1L));

        assertThat(measure("PUT /stock/sites/{siteId}/purchasing", 200, () -> fn.setPurchasingDefaults(site,
                "{\"costCentre\":\"CC-COUNTED\"}"))).isEqualTo(Map.of("GetItem", 1L, "PutItem", 1L));
        assertThat(measure("GET /stock/sites/{siteId}/purchasing", 200, () -> fn.send(StockFunction.event("get-purchasing-defaults.json")
                .pathParameter("siteId", site).path("/stock/sites/" + site + "/purchasing")))).isEqualTo(Map.of("GetItem", 1L));
        // A is low (2 < 5): one draft for its supplier, charged to the site's defaults (1 GetItem)
        assertThat(measure("POST /purchase-orders/suggested", 201, () -> fn.send(StockFunction.event("suggest-purchase-orders.json")
                .header("idempotency-key", null).body("{\"siteId\":\"" + site + "\"}"))))
                .isEqualTo(Map.of("Query", 1L, "BatchGetItem", 1L, "GetItem", 1L, "TransactWriteItems", 1L));
        String orderOfB = "\"lines\":[{\"itemId\":\"" + b + "\",\"quantity\":3}]}";
        assertThat(measure("POST /purchase-orders (site's defaults)", 201, () -> fn.send(StockFunction.event("create-purchase-order.json")
                .header("idempotency-key", null).body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplierId + "\"," + orderOfB))))
                .isEqualTo(Map.of("GetItem", 2L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
        HttpAnswer[] created = new HttpAnswer[1];
        assertThat(measure("POST /purchase-orders (cost centre and category named)", 201, () -> created[0] = fn.send(
                StockFunction.event("create-purchase-order.json").header("idempotency-key", null).body("{\"siteId\":\"" + site
                        + "\",\"supplierId\":\"" + supplierId + "\",\"costCentre\":\"CC-1\",\"category\":\"it\"," + orderOfB))))
                .isEqualTo(Map.of("GetItem", 1L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
        String po = created[0].json().path("id").asText();
        assertThat(measure("GET /purchase-orders", 200, () -> fn.send(StockFunction.event("list-purchase-orders.json")
                .queryParameter("siteId", site)))).isEqualTo(Map.of("Query", 1L));
        assertThat(measure("GET /purchase-orders/{id}", 200, () -> fn.send(StockFunction.event("get-purchase-order.json")
                .pathParameter("id", po).path("/purchase-orders/" + po)))).isEqualTo(Map.of("GetItem", 1L));
        assertThat(measure("POST /purchase-orders/{id}/cancel", 200, () -> fn.send(StockFunction.event("cancel-purchase-order.json")
                .pathParameter("id", po).path("/purchase-orders/" + po + "/cancel"))))
                .isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
        assertThat(fn.getItem(b).json().path("onOrder").asLong()).isEqualTo(3); // the other draft's

        String sent = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplierId + "\"," + orderOfB)).json().path("id").asText();
        // the order, its supplier, the caller (language) and the site (name); the e-mail and the event in the transaction
        assertThat(measure("POST /purchase-orders/{id}/send", 200, () -> fn.send(StockFunction.event("send-purchase-order.json")
                .pathParameter("id", sent).path("/purchase-orders/" + sent + "/send"))))
                .isEqualTo(Map.of("GetItem", 4L, "TransactWriteItems", 1L));
        assertThat(measure("POST /purchase-orders/{id}/receive", 200, () -> fn.send(StockFunction.event("receive-purchase-order.json")
                .pathParameter("id", sent).path("/purchase-orders/" + sent + "/receive").body("{}"))))
                .isEqualTo(Map.of("GetItem", 1L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
    }
}
