package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/** Suppliers and purchase orders: draft from suggestions, send, receive in part and in full, cancel. */
class PurchaseOrdersApiTest {

    private final StockFunction fn = StockFunction.get();

    String supplier(String name, String email) {
        return fn.supplier(name, email);
    }

    private HttpAnswer suggest(String site) {
        return fn.send(StockFunction.event("suggest-purchase-orders.json").header("idempotency-key", StockFunction.unique("sg"))
                .body("{\"siteId\":\"" + site + "\"}"));
    }

    private HttpAnswer onOrder(String verb, String poId, String body) {
        String file = switch (verb) {
            case "send" -> "send-purchase-order.json";
            case "receive" -> "receive-purchase-order.json";
            default -> "cancel-purchase-order.json";
        };
        HttpEvent e = StockFunction.event(file).pathParameter("id", poId)
                .path("/purchase-orders/" + poId + "/" + verb);
        return fn.send(verb.equals("receive") ? e.body(body) : e);
    }

    @Test
    void suppliersAreKeptByTheOfficeManager() {
        HttpAnswer created = fn.send(StockFunction.event("create-supplier.json").header("idempotency-key", StockFunction.unique("s")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("leadTimeDays").asInt()).isEqualTo(3);
        HttpAnswer got = fn.send(StockFunction.event("get-supplier.json").pathParameter("id", id).path("/suppliers/" + id));
        assertThat(got.json().path("notes").asText()).startsWith("Order before 14:00");
        HttpAnswer changed = fn.send(StockFunction.event("update-supplier.json").pathParameter("id", id).path("/suppliers/" + id));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("name").asText()).isEqualTo("Kantoorartikelen Jansen B.V.");
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);
        assertThat(fn.send(StockFunction.event("update-supplier.json").pathParameter("id", id).path("/suppliers/" + id)).status())
                .isEqualTo(412);
        HttpAnswer list = fn.send(StockFunction.event("list-suppliers.json").queryParameter("limit", "200"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id);
        HttpAnswer bad = fn.send(StockFunction.event("create-supplier.json").header("idempotency-key", null)
                .body("{\"name\":\"X\",\"email\":\"not-an-address\",\"leadTimeDays\":-1}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("email", "leadTimeDays");
    }

    @Test
    void fromSuggestionToDeliveryWithTheEmailAndTheBudgetEvent() throws Exception {
        String site = fn.site();
        fn.person("Olga Manager", "olga.manager@example.org", "en", site, List.of("office-manager"));
        String jansen = supplier("Jansen", "orders@jansen.example.com");
        String other = supplier("Other", "sales@other.example.com");
        String pens = fn.item(site, "PEN", 5, 20, 100, jansen).path("id").asText();     // low: order 95
        String paper = fn.item(site, "PAPER", 2, 10, 30, jansen).path("id").asText();   // low: order 28
        String toner = fn.item(site, "TONER", 0, 1, 3, other).path("id").asText();     // low: order 3
        String mugs = fn.item(site, "MUG", 50, 10, 60, jansen).path("id").asText();     // not low
        String loose = fn.item(site, "LOOSE", 0, 1, 5, null).path("id").asText();       // low, no supplier

        HttpAnswer suggested = suggest(site);
        assertThat(suggested.status()).as(suggested.toString()).isEqualTo(201);
        JsonNode orders = suggested.json().path("orders");
        assertThat(orders.size()).isEqualTo(2);
        assertThat(suggested.json().path("itemsWithoutSupplier").toString()).isEqualTo("[\"" + loose + "\"]");
        JsonNode jansenOrder = orders.get(0).path("supplierId").asText().equals(jansen) ? orders.get(0) : orders.get(1);
        assertThat(jansenOrder.path("status").asText()).isEqualTo("draft");
        assertThat(quantities(jansenOrder)).isEqualTo(Map.of(pens, 95L, paper, 28L));
        assertThat(jansenOrder.path("total").path("amountCents").asLong()).isEqualTo((95 + 28) * 125L);
        assertThat(fn.getItem(pens).json().path("onOrder").asLong()).isEqualTo(95);
        assertThat(fn.getItem(mugs).json().path("onOrder").asLong()).isZero();

        // asked again: everything low is on order already, nothing is drafted twice
        HttpAnswer again = suggest(site);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("orders").size()).isZero();

        String poId = jansenOrder.path("id").asText();
        HttpAnswer early = onOrder("receive", poId, "{}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409); // a draft is not receivable

        RequestCounter.Snapshot beforeSend = RequestCounter.snapshot();
        HttpAnswer sent = onOrder("send", poId, null);
        System.out.println("requests POST /purchase-orders/{id}/send: " + beforeSend.since().byOperation());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().path("status").asText()).isEqualTo("sent");
        OutboxItem.Email mail = (OutboxItem.Email) Outboxes.byDedupeKey(fn.aws, "stock:po-sent:" + poId).orElseThrow();
        assertThat(mail.message().to().address()).isEqualTo("orders@jansen.example.com");
        assertThat(mail.message().language().code()).isEqualTo("en");
        assertThat(mail.message().content().subject()).isEqualTo("Purchase order " + poId);
        assertThat(mail.message().content().text()).contains("PEN").contains("95").contains("EUR 118.75");
        assertThat(mail.message().attachments()).hasSize(1);
        String csv = new String(mail.message().attachments().get(0).content(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("order,sku,description,quantity,unit_price_cents,amount_cents,currency\r\n")
                .contains(poId + ",PEN,Item PEN,95,125,11875,EUR");
        assertThat(onOrder("send", poId, null).status()).isEqualTo(409); // sent once

        RequestCounter.Snapshot beforeReceive = RequestCounter.snapshot();
        // receive-purchase-order.json delivers 60 of item ...0001: here, of the pens
        HttpEvent partly = StockFunction.event("receive-purchase-order.json").pathParameter("id", poId)
                .path("/purchase-orders/" + poId + "/receive");
        partly.body(partly.build().getBody().replace("01JQ7ZK3M8Y2X4ABCDEFGH0001", pens));
        HttpAnswer part = fn.send(partly);
        System.out.println("requests POST /purchase-orders/{id}/receive: " + beforeReceive.since().byOperation());
        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        assertThat(part.json().path("status").asText()).isEqualTo("partially-received");
        JsonNode pen = fn.getItem(pens).json();
        assertThat(pen.path("quantity").asLong()).isEqualTo(65);
        assertThat(pen.path("onOrder").asLong()).isEqualTo(35);
        assertThat(pen.path("low").asBoolean()).isFalse();
        assertThat(fn.ledgerSum(pens)).isEqualTo(65);
        OutboxItem.Event event = (OutboxItem.Event) Outboxes.byDedupeKey(fn.aws, "stock:po-received:" + poId + ":3").orElseThrow();
        assertThat(event.source()).isEqualTo("nl.spil.stock");
        assertThat(event.detailType()).isEqualTo("PurchaseOrderReceived");
        JsonNode detail = new ObjectMapper().readTree(event.detail());
        assertThat(detail.path("amountCents").asLong()).isEqualTo(60 * 125L);
        assertThat(detail.path("currency").asText()).isEqualTo("EUR");
        assertThat(detail.path("siteId").asText()).isEqualTo(site);
        assertThat(detail.path("complete").asBoolean()).isFalse();
        assertThat(detail.path("lines").get(0).path("quantity").asLong()).isEqualTo(60);

        HttpAnswer tooMuch = onOrder("receive", poId, "{\"lines\":[{\"itemId\":\"" + pens + "\",\"quantity\":36}]}");
        assertThat(tooMuch.status()).isEqualTo(422);
        HttpAnswer rest = onOrder("receive", poId, "{}"); // no lines: everything outstanding
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.json().path("status").asText()).isEqualTo("received");
        assertThat(fn.getItem(pens).json().path("quantity").asLong()).isEqualTo(100);
        assertThat(fn.getItem(paper).json().path("quantity").asLong()).isEqualTo(30);
        assertThat(fn.getItem(paper).json().path("onOrder").asLong()).isZero();
        JsonNode last = new ObjectMapper().readTree(((OutboxItem.Event) Outboxes.byDedupeKey(fn.aws,
                "stock:po-received:" + poId + ":4").orElseThrow()).detail());
        assertThat(last.path("amountCents").asLong()).isEqualTo((35 + 28) * 125L);
        assertThat(last.path("complete").asBoolean()).isTrue();

        // the price paid is in the item's history, per supplier
        JsonNode prices = fn.getItem(pens).json().path("priceHistory");
        assertThat(prices.get(prices.size() - 1).path("supplierId").asText()).isEqualTo(jansen);
        assertThat(prices.get(prices.size() - 1).path("source").asText()).isEqualTo("purchase-order " + poId);

        assertThat(onOrder("cancel", poId, null).status()).isEqualTo(409); // received orders stay

        // the other supplier's draft is cancelled: its items are no longer on order
        String otherOrder = (orders.get(0).path("supplierId").asText().equals(other) ? orders.get(0) : orders.get(1)).path("id").asText();
        HttpAnswer cancelled = onOrder("cancel", otherOrder, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(fn.getItem(toner).json().path("onOrder").asLong()).isZero();

        HttpAnswer list = fn.send(StockFunction.event("list-purchase-orders.json").queryParameter("siteId", site));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").size()).isEqualTo(2);
        HttpAnswer one = fn.send(StockFunction.event("get-purchase-order.json").pathParameter("id", poId).path("/purchase-orders/" + poId));
        assertThat(one.json().path("status").asText()).isEqualTo("received");
    }

    @Test
    void aDraftByHandNamesKnownItemsOfItsSite() {
        String site = fn.site();
        String supplier = supplier("Hand", "hand@example.com");
        String item = fn.item(site, "HAND", 1, 0, 10, null).path("id").asText();
        HttpAnswer created = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", StockFunction.unique("po"))
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":4}]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/purchase-orders/" + created.json().path("id").asText());
        assertThat(fn.getItem(item).json().path("onOrder").asLong()).isEqualTo(4);

        HttpAnswer bad = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"itemId\":\"" + item
                        + "\",\"quantity\":0},{\"itemId\":\"x\",\"quantity\":1.5,\"price\":1}]}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].quantity", "lines[1].price");
        HttpAnswer unknownItem = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"itemId\":\"nope\",\"quantity\":1}]}"));
        assertThat(unknownItem.status()).isEqualTo(422);
        HttpAnswer unknownSupplier = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"nope\",\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":1}]}"));
        assertThat(unknownSupplier.status()).isEqualTo(422);
    }

    private static Map<String, Long> quantities(JsonNode order) {
        Map<String, Long> out = new java.util.HashMap<>();
        order.path("lines").forEach(l -> out.put(l.path("itemId").asText(), l.path("quantity").asLong()));
        return out;
    }
}
