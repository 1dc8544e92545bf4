package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every stock route that takes a body: bad input is a 4xx problem+json, never a 5xx, and no
 * write request is even sent (counted through the SDK, so the check does not grow with the table).
 */
class BadInputTest {

    private static final StockFunction FN = StockFunction.get();
    private static final List<String> WRITES = List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");
    private static String site;
    private static String item;
    private static String supplier;
    private static String count;
    private static String order;

    @BeforeAll
    static void objectsToAimAt() {
        site = FN.site();
        supplier = FN.supplier("Bad Input", "bad@example.com");
        item = FN.item(site, "BAD", 5, 1, 10, supplier).path("id").asText();
        count = FN.send(StockFunction.event("open-count.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\"}")).json().path("id").asText();
        HttpAnswer po = FN.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":1}]}"));
        order = po.json().path("id").asText();
        assertThat(FN.send(StockFunction.event("send-purchase-order.json").pathParameter("id", order)
                .path("/purchase-orders/" + order + "/send")).status()).isEqualTo(200);
    }

    /** Each write route as an event aimed at a real object. */
    static List<HttpEvent> routes() {
        return List.of(
                StockFunction.event("create-item.json").header("idempotency-key", null),
                StockFunction.event("update-item.json").pathParameter("id", item).path("/stock/items/" + item),
                StockFunction.event("record-restock.json").header("idempotency-key", null).pathParameter("id", item)
                        .path("/stock/items/" + item + "/movements"),
                StockFunction.event("open-count.json").header("idempotency-key", null),
                StockFunction.event("record-count-line.json").pathParameter("id", count).pathParameter("itemId", item)
                        .path("/stock/counts/" + count + "/lines/" + item),
                StockFunction.event("create-supplier.json").header("idempotency-key", null),
                StockFunction.event("update-supplier.json").pathParameter("id", supplier).path("/suppliers/" + supplier),
                StockFunction.event("create-purchase-order.json").header("idempotency-key", null),
                StockFunction.event("suggest-purchase-orders.json").header("idempotency-key", null),
                StockFunction.event("receive-purchase-order.json").pathParameter("id", order).path("/purchase-orders/" + order + "/receive"),
                StockFunction.event("set-purchasing-defaults.json").pathParameter("siteId", site)
                        .path("/stock/sites/" + site + "/purchasing"));
    }

    static Stream<Arguments> badBodies() {
        List<Arguments> out = new ArrayList<>();
        String[][] bodies = {
                {"empty body", ""},
                {"not JSON", "{quantity:"},
                {"an array", "[]"},
                {"a string", "\"x\""},
                {"trailing content", "{} {}"},
                {"duplicate key", "{\"siteId\":\"a\",\"siteId\":\"b\"}"},
                {"unknown field", "{\"isAdmin\":true}"},
                {"wrong types", "{\"siteId\":1,\"sku\":[],\"name\":{},\"quantity\":\"5\",\"counted\":true,\"lines\":\"x\",\"version\":\"1\",\"email\":2}"},
                {"control characters", "{\"siteId\":\"a\\u0007\",\"name\":\"A\\r\\nBcc: x@evil.example\",\"sku\":\"\\u0000\",\"type\":\"use\\n\",\"email\":\"a@b.example\\r\\nBcc: c@d.example\"}"},
                {"negative and fractional numbers", "{\"quantity\":-1.5,\"counted\":-1,\"minimum\":-1,\"version\":0.5,\"leadTimeDays\":-3,\"lines\":[{\"itemId\":\"x\",\"quantity\":-2}]}"},
                {"huge numbers", "{\"quantity\":1e99999999999,\"counted\":99999999999999999999999,\"unitPriceCents\":1e400}"},
                {"huge body", "{\"name\":\"" + "x".repeat(70_000) + "\"}"},
                {"deep nesting", "{\"lines\":" + "[".repeat(40) + "1" + "]".repeat(40) + "}"}};
        for (int r = 0; r < routes().size(); r++) {
            for (String[] b : bodies) {
                out.add(Arguments.of(r, b[0], b[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "route {0} with {1}")
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndWriteNothing(int route, String what, String body) {
        HttpEvent event = routes().get(route).body(body);
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = FN.send(event);
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).as(event.build().getRouteKey() + " " + answer).isBetween(400, 499);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        // refused before anything was written: not even a write that a condition cancelled
        assertThat(usage.byOperation().keySet()).as(event.build().getRouteKey())
                .doesNotContainAnyElementsOf(WRITES);
    }

    @Test
    void unicodeNamesAreWelcome() {
        HttpAnswer answer = FN.send(StockFunction.event("create-item.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"sku\":\"UNI-1\",\"name\":\"Stylo bleu — 日本 \uD83D\uDD8A\",\"unit\":\"stuk\",\"minimum\":1,\"reorderUpTo\":2}"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("name").asText()).isEqualTo("Stylo bleu — 日本 \uD83D\uDD8A");
    }

    @Test
    void badListParametersAre400() {
        for (HttpEvent list : List.of(StockFunction.event("list-items.json"), StockFunction.event("list-low-stock.json"),
                StockFunction.event("list-purchase-orders.json"))) {
            assertThat(FN.send(list.queryParameter("siteId", null)).status()).isEqualTo(400);
            assertThat(FN.send(list.queryParameter("siteId", site).queryParameter("limit", "0")).status()).isEqualTo(400);
            assertThat(FN.send(list.queryParameter("limit", "abc")).status()).isEqualTo(400);
            HttpAnswer cursor = FN.send(list.queryParameter("limit", "1").queryParameter("cursor", "eyJmb3JnZWQiOnRydWV9"));
            assertThat(cursor.status()).as(cursor.toString()).isEqualTo(400);
            assertThat(cursor.isProblem()).isTrue();
        }
        HttpAnswer movements = FN.send(StockFunction.event("list-movements.json").pathParameter("id", item)
                .path("/stock/items/" + item + "/movements").queryParameter("cursor", "not-a-cursor"));
        assertThat(movements.status()).isEqualTo(400);
    }

    @Test
    void aCursorOfOneSiteDoesNotPageAnother() {
        String other = FN.site();
        FN.item(other, "P1", 0, 0, 0, null);
        FN.item(other, "P2", 0, 0, 0, null);
        HttpAnswer first = FN.send(StockFunction.event("list-items.json").queryParameter("siteId", other).queryParameter("limit", "1"));
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        HttpAnswer second = FN.send(StockFunction.event("list-items.json").queryParameter("siteId", other)
                .queryParameter("limit", "1").queryParameter("cursor", cursor));
        assertThat(second.json().path("items").get(0).path("sku").asText()).isEqualTo("P2");
        HttpAnswer elsewhere = FN.send(StockFunction.event("list-items.json").queryParameter("siteId", site)
                .queryParameter("limit", "1").queryParameter("cursor", cursor));
        assertThat(elsewhere.status()).isEqualTo(400);
    }
}
