package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/** Items, the ledger and the low-stock index through the real handler and the events in events/stock. */
class ItemsApiTest {

    private final StockFunction fn = StockFunction.get();

    @Test
    void anItemFromCreationThroughUseRestockAndChange() {
        String site = fn.site();
        String body = StockFunction.event("create-item.json").build().getBody()
                .replace("01JQ7ZK3M8Y2X4ABCDEFGH0005", site);
        HttpEvent create = StockFunction.event("create-item.json").header("idempotency-key", StockFunction.unique("k")).body(body);
        HttpAnswer created = fn.send(create);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode item = created.json();
        String id = item.path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/stock/items/" + id);
        assertThat(item.path("quantity").asLong()).isEqualTo(100);
        assertThat(item.path("unitPrice").path("amountCents").asLong()).isEqualTo(45);
        assertThat(item.path("unitPrice").path("currency").asText()).isEqualTo("EUR");
        assertThat(item.path("low").asBoolean()).isFalse();

        // the same key and body: the first answer; the opening balance is one ledger entry
        HttpAnswer replay = fn.send(create);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(created.body());
        assertThat(fn.ledgerSum(id)).isEqualTo(100);

        HttpAnswer use = fn.send(StockFunction.event("record-use.json").header("idempotency-key", StockFunction.unique("u"))
                .pathParameter("id", id).path("/stock/items/" + id + "/movements"));
        assertThat(use.status()).as(use.toString()).isEqualTo(201);
        assertThat(use.json().path("type").asText()).isEqualTo("use");
        assertThat(use.json().path("delta").asLong()).isEqualTo(-1);

        HttpAnswer restock = fn.send(StockFunction.event("record-restock.json").header("idempotency-key", StockFunction.unique("r"))
                .pathParameter("id", id).path("/stock/items/" + id + "/movements"));
        assertThat(restock.status()).as(restock.toString()).isEqualTo(201);
        assertThat(restock.json().path("note").asText()).isEqualTo("found a box in the basement");

        HttpAnswer got = fn.send(StockFunction.event("get-item.json").pathParameter("id", id).path("/stock/items/" + id));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("quantity").asLong()).isEqualTo(149);
        assertThat(got.json().path("usedLast30Days").asLong()).isEqualTo(1);
        assertThat(got.json().path("daysOfCover").asLong()).isEqualTo(149L * 30);

        HttpAnswer changed = fn.send(StockFunction.event("update-item.json").pathParameter("id", id).path("/stock/items/" + id));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("minimum").asLong()).isEqualTo(30);
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);
        HttpAnswer stale = fn.send(StockFunction.event("update-item.json").pathParameter("id", id).path("/stock/items/" + id));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();

        // the price change is in the history: 45 at creation, 49 after the change
        JsonNode prices = fn.getItem(id).json().path("priceHistory");
        assertThat(prices.size()).isEqualTo(2);
        assertThat(prices.get(0).path("unitPrice").path("amountCents").asLong()).isEqualTo(45);
        assertThat(prices.get(1).path("unitPrice").path("amountCents").asLong()).isEqualTo(49);

        HttpAnswer ledger = fn.send(StockFunction.event("list-movements.json").pathParameter("id", id)
                .path("/stock/items/" + id + "/movements"));
        assertThat(ledger.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        ledger.json().path("items").forEach(m -> types.add(m.path("type").asText()));
        assertThat(types).containsExactly("restock", "use", "count");
        assertThat(fn.ledgerSum(id)).isEqualTo(149);

        HttpAnswer list = fn.send(StockFunction.event("list-items.json").queryParameter("siteId", site));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").size()).isEqualTo(1);
        assertThat(list.json().path("items").get(0).path("sku").asText()).isEqualTo("PEN-BLUE");
    }

    @Test
    void aUseLargerThanTheStockIs409WithTheQuantityAvailable() {
        String site = fn.site();
        String id = fn.item(site, "TONER-K", 3, 1, 5, null).path("id").asText();
        HttpAnswer tooMuch = fn.move(id, "use", 4);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.isProblem()).isTrue();
        assertThat(tooMuch.json().path("type").asText()).endsWith("/insufficient-stock");
        assertThat(tooMuch.json().path("available").asLong()).isEqualTo(3);
        assertThat(fn.move(id, "use", 3).status()).isEqualTo(201);
        HttpAnswer empty = fn.move(id, "use", 1);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().path("available").asLong()).isZero();
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isZero();
        assertThat(fn.ledgerSum(id)).isZero();

        // a correction below zero is refused the same way
        HttpAnswer correction = fn.move(id, "correction", -1, "office-manager");
        assertThat(correction.status()).isEqualTo(409);
        assertThat(fn.move(id, "correction", 2, "office-manager").status()).isEqualTo(201);
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isEqualTo(2);
    }

    @Test
    void staffRecordUseButOnlyTheOfficeManagerRestocksOrCorrects() {
        String id = fn.item(fn.site(), "CLIP", 10, 0, 10, null).path("id").asText();
        assertThat(fn.move(id, "use", 1, "staff").status()).isEqualTo(201);
        HttpAnswer restock = fn.move(id, "restock", 1, "staff");
        assertThat(restock.status()).isEqualTo(403);
        assertThat(restock.isProblem()).isTrue();
        assertThat(fn.move(id, "correction", 1, "staff").status()).isEqualTo(403);
        assertThat(fn.move(id, "restock", 1, "office-manager").status()).isEqualTo(201);
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isEqualTo(10);
    }

    @Test
    void quantitiesMustBePositiveWholeNumbersAndTheItemMustExist() {
        String id = fn.item(fn.site(), "STAPLE", 10, 0, 10, null).path("id").asText();
        for (String q : List.of("0", "-1", "1.5", "\"2\"", "null", "1000001", "2.0000001")) {
            HttpAnswer bad = fn.send(StockFunction.event("record-use.json").header("idempotency-key", null)
                    .pathParameter("id", id).path("/stock/items/" + id + "/movements")
                    .body("{\"type\":\"use\",\"quantity\":" + q + "}"));
            assertThat(bad.status()).as(q + ": " + bad).isEqualTo(400);
            assertThat(bad.problemFields()).as(q).contains("quantity");
        }
        HttpAnswer badType = fn.move(id, "count", 1, "office-manager");
        assertThat(badType.status()).isEqualTo(422);
        HttpAnswer unknownType = fn.move(id, "steal", 1);
        assertThat(unknownType.status()).isEqualTo(400);
        HttpAnswer unknown = fn.move("01JNOSUCHITEM0000000000000", "use", 1);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isEqualTo(10);
        assertThat(fn.ledgerSum(id)).isEqualTo(10);
    }

    @Test
    void aSkuIsUniquePerSiteAndTheSiteMustExist() {
        String site = fn.site();
        fn.item(site, "A4-PAPER", 0, 5, 20, null);
        HttpAnswer again = fn.send(StockFunction.event("create-item.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"sku\":\"a4-paper\",\"name\":\"Paper\",\"unit\":\"ream\",\"minimum\":1,\"reorderUpTo\":2}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("/sku-taken");
        fn.item(fn.site(), "A4-PAPER", 0, 5, 20, null); // another site may use it

        HttpAnswer noSite = fn.send(StockFunction.event("create-item.json").header("idempotency-key", null)
                .body("{\"siteId\":\"nowhere\",\"sku\":\"X\",\"name\":\"X\",\"unit\":\"x\",\"minimum\":1,\"reorderUpTo\":2}"));
        assertThat(noSite.status()).isEqualTo(422);
        HttpAnswer levels = fn.send(StockFunction.event("create-item.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"sku\":\"Y\",\"name\":\"Y\",\"unit\":\"y\",\"minimum\":5,\"reorderUpTo\":2}"));
        assertThat(levels.status()).isEqualTo(400);
        assertThat(levels.problemFields()).containsExactly("reorderUpTo");
    }

    @Test
    void aRetriedUseWithTheSameKeyIsBookedOnce() {
        String id = fn.item(fn.site(), "MUG", 5, 0, 5, null).path("id").asText();
        HttpEvent use = StockFunction.event("record-use.json").header("idempotency-key", StockFunction.unique("retry"))
                .pathParameter("id", id).path("/stock/items/" + id + "/movements").body("{\"type\":\"use\",\"quantity\":5}");
        HttpAnswer first = fn.send(use);
        HttpAnswer again = fn.send(use);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(fn.getItem(id).json().path("quantity").asLong()).isZero();
        assertThat(fn.ledgerSum(id)).isZero();
    }

    @Test
    void anItemEntersAndLeavesTheLowStockIndexInTheSameWriteAsItsQuantity() {
        String site = fn.site();
        String id = fn.item(site, "PEN", 12, 10, 50, null).path("id").asText();
        assertThat(low(site)).isEmpty();
        assertThat(fn.move(id, "use", 2).status()).isEqualTo(201); // 10: not below the minimum
        assertThat(low(site)).isEmpty();
        assertThat(fn.move(id, "use", 1).status()).isEqualTo(201); // 9: low
        assertThat(low(site)).containsExactly(id);
        assertThat(fn.move(id, "restock", 1, "office-manager").status()).isEqualTo(201); // 10 again
        assertThat(low(site)).isEmpty();
        // raising the minimum makes it low without any movement
        HttpAnswer patch = fn.send(StockFunction.event("update-item.json").pathParameter("id", id).path("/stock/items/" + id)
                .body("{\"version\":1,\"minimum\":11}"));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        assertThat(low(site)).containsExactly(id);
    }

    @Test
    void theLowStockListReadsOnlyTheLowItemsHoweverManyOthersThereAre() {
        String site = fn.site();
        for (int i = 0; i < 3; i++) {
            fn.item(site, "LOW-" + i, 1, 5, 10, null);
        }
        for (int i = 0; i < 3; i++) {
            fn.item(site, "OK-" + i, 50, 5, 10, null);
        }
        RequestCounter.Usage few = lowUsage(site);
        for (int i = 0; i < 30; i++) { // ten times more items that are not low
            fn.item(site, "MORE-" + i, 50, 5, 10, null);
        }
        RequestCounter.Usage many = lowUsage(site);
        System.out.println("low-stock query, 3 low + 3 others: " + few.byOperation() + ", items read " + few.itemsRead());
        System.out.println("low-stock query, 3 low + 33 others: " + many.byOperation() + ", items read " + many.itemsRead());
        assertThat(few.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(few.itemsRead()).isEqualTo(3);
        assertThat(many.byOperation()).isEqualTo(few.byOperation());
        assertThat(many.itemsRead()).isEqualTo(few.itemsRead());
    }

    private RequestCounter.Usage lowUsage(String site) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = fn.send(StockFunction.event("list-low-stock.json").queryParameter("siteId", site));
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("items").size()).isEqualTo(3);
        return usage;
    }

    @Test
    void requestsPerEndpoint() {
        String site = fn.site();
        RequestCounter.Snapshot s0 = RequestCounter.snapshot();
        String id = fn.item(site, "COUNTED", 5, 1, 10, null).path("id").asText();
        RequestCounter.Usage create = s0.since();
        RequestCounter.Snapshot s1 = RequestCounter.snapshot();
        assertThat(fn.move(id, "use", 1).status()).isEqualTo(201);
        RequestCounter.Usage use = s1.since();
        RequestCounter.Snapshot s2 = RequestCounter.snapshot();
        assertThat(fn.move(id, "use", 99).status()).isEqualTo(409);
        RequestCounter.Usage refused = s2.since();
        RequestCounter.Snapshot s3 = RequestCounter.snapshot();
        assertThat(fn.getItem(id).status()).isEqualTo(200);
        RequestCounter.Usage get = s3.since();
        RequestCounter.Snapshot s4 = RequestCounter.snapshot();
        assertThat(fn.send(StockFunction.event("list-movements.json").pathParameter("id", id)
                .path("/stock/items/" + id + "/movements")).status()).isEqualTo(200);
        RequestCounter.Usage ledger = s4.since();
        RequestCounter.Snapshot s5 = RequestCounter.snapshot();
        assertThat(fn.send(StockFunction.event("list-items.json").queryParameter("siteId", site)).status()).isEqualTo(200);
        RequestCounter.Usage list = s5.since();
        RequestCounter.Snapshot s6 = RequestCounter.snapshot();
        assertThat(fn.send(StockFunction.event("update-item.json").pathParameter("id", id).path("/stock/items/" + id)
                .body("{\"version\":1,\"name\":\"Renamed\"}")).status()).isEqualTo(200);
        RequestCounter.Usage patch = s6.since();
        System.out.println("requests POST /stock/items: " + create.byOperation());
        System.out.println("requests POST /stock/items/{id}/movements (use): " + use.byOperation());
        System.out.println("requests POST /stock/items/{id}/movements (refused 409): " + refused.byOperation());
        System.out.println("requests GET /stock/items/{id}: " + get.byOperation());
        System.out.println("requests GET /stock/items/{id}/movements: " + ledger.byOperation());
        System.out.println("requests GET /stock/items: " + list.byOperation());
        System.out.println("requests PATCH /stock/items/{id}: " + patch.byOperation());
        assertThat(create.byOperation()).isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L)); // site check + write
        assertThat(use.byOperation()).isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
        assertThat(refused.byOperation()).isEqualTo(Map.of("GetItem", 1L));
        assertThat(get.byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 2L));
        assertThat(ledger.byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 1L));
        assertThat(list.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(patch.byOperation()).isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
    }

    private List<String> low(String site) {
        HttpAnswer answer = fn.send(StockFunction.event("list-low-stock.json").queryParameter("siteId", site));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().path("items").forEach(i -> {
            assertThat(i.path("low").asBoolean()).isTrue();
            ids.add(i.path("id").asText());
        });
        return ids;
    }
}
