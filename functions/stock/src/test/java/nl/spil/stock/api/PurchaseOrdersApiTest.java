package nl.spil.stock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.stock.store.DynamoPurchaseOrders;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.Outboxes;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Suppliers and purchase orders: drafted by hand or from suggestions, charged to a cost centre and
 * category, sent (an e-mail to the supplier and PurchaseOrderSent for budget), received in part
 * and in full (PurchaseOrderReceived per delivery), cancelled (PurchaseOrderCancelled once sent).
 */
class PurchaseOrdersApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StockFunction fn = StockFunction.get();

    /** A site with low items at two suppliers, one low item without a supplier and one that is fine. */
    record Shop(String site, String jansen, String other, String pens, String paper, String toner, String mugs,
                String loose) {
    }

    private Shop aShopWithLowItems() {
        String site = fn.site();
        fn.person("Olga Manager", "olga.manager@example.org", "en", site, List.of("office-manager"));
        String jansen = fn.supplier("Jansen", "orders@jansen.example.com");
        String other = fn.supplier("Other", "sales@other.example.com");
        return new Shop(site, jansen, other,
                fn.item(site, "PEN", 5, 20, 100, jansen).path("id").asText(),     // low: order 95
                fn.item(site, "PAPER", 2, 10, 30, jansen).path("id").asText(),    // low: order 28
                fn.item(site, "TONER", 0, 1, 3, other).path("id").asText(),      // low: order 3
                fn.item(site, "MUG", 50, 10, 60, jansen).path("id").asText(),     // not low
                fn.item(site, "LOOSE", 0, 1, 5, null).path("id").asText());       // low, no supplier
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
    void fromSuggestionToDeliveryWithTheEmailAndTheBudgetEvents() throws Exception {
        Shop shop = aShopWithLowItems();
        JsonNode drafts = suggestingDraftsOneOrderPerSupplierOfWhatIsLow(shop);
        String order = orderOf(drafts, shop.jansen()).path("id").asText();
        aDraftIsNotReceivable(order);
        sendingMailsTheSupplierAndCommitsTheTotal(order);
        aPartialDeliveryIsBookedWithItsOwnAmount(shop, order);
        theRestArrivesWithAnEmptyObjectAndCompletesTheOrder(shop, order);
        aReceivedOrderCannotBeCancelled(order);
        cancellingADraftFreesItsItemsAndTellsBudgetNothing(shop, orderOf(drafts, shop.other()).path("id").asText());
        theOrdersAreListedAndReadBack(shop, order);
    }

    private JsonNode suggestingDraftsOneOrderPerSupplierOfWhatIsLow(Shop shop) {
        HttpAnswer suggested = suggest(shop.site());
        assertThat(suggested.status()).as(suggested.toString()).isEqualTo(201);
        JsonNode orders = suggested.json().path("orders");
        assertThat(orders.size()).isEqualTo(2);
        assertThat(suggested.json().path("itemsWithoutSupplier").toString()).isEqualTo("[\"" + shop.loose() + "\"]");
        JsonNode jansenOrder = orderOf(orders, shop.jansen());
        assertThat(jansenOrder.path("status").asText()).isEqualTo("draft");
        assertThat(jansenOrder.path("costCentre").asText()).isEqualTo(StockFunction.COST_CENTRE);
        assertThat(jansenOrder.path("category").asText()).isEqualTo("office-supplies");
        assertThat(quantities(jansenOrder)).isEqualTo(Map.of(shop.pens(), 95L, shop.paper(), 28L));
        assertThat(jansenOrder.path("total").path("amountCents").asLong()).isEqualTo((95 + 28) * 125L);
        assertThat(jansenOrder.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(fn.getItem(shop.pens()).json().path("onOrder").asLong()).isEqualTo(95);
        assertThat(fn.getItem(shop.mugs()).json().path("onOrder").asLong()).isZero();

        HttpAnswer again = suggest(shop.site());
        assertThat(again.status()).as("everything low is on order already: nothing is drafted twice").isEqualTo(200);
        assertThat(again.json().path("orders").size()).isZero();
        return orders;
    }

    private void aDraftIsNotReceivable(String order) {
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer early = onOrder("receive", order, "{}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("type").asText()).endsWith("/order-not-sent");
        assertThat(mark.since()).as("a refused delivery is none received").isEmpty();
    }

    private void sendingMailsTheSupplierAndCommitsTheTotal(String order) throws Exception {
        HttpAnswer sent = onOrder("send", order, null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().path("status").asText()).isEqualTo("sent");
        assertThat(sent.json().path("sentAt").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");

        OutboxItem.Email mail = (OutboxItem.Email) Outboxes.byDedupeKey(fn.aws, DynamoPurchaseOrders.emailDedupeKey(order))
                .orElseThrow();
        assertThat(mail.message().to().address()).isEqualTo("orders@jansen.example.com");
        assertThat(mail.message().language().code()).isEqualTo("en");
        assertThat(mail.message().content().subject()).isEqualTo("Purchase order " + order);
        assertThat(mail.message().content().text()).contains("PEN").contains("95").contains("EUR 118.75");
        assertThat(mail.message().attachments()).hasSize(1);
        String csv = new String(mail.message().attachments().get(0).content(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("order,sku,description,quantity,unit_price_cents,amount_cents,currency\r\n")
                .contains(order + ",PEN,Item PEN,95,125,11875,EUR");

        JsonNode committed = event("stock:po-sent:" + order, "PurchaseOrderSent");
        assertThat(committed.path("orderId").asText()).isEqualTo(order);
        assertThat(committed.path("costCentre").asText()).isEqualTo(StockFunction.COST_CENTRE);
        assertThat(committed.path("category").asText()).isEqualTo("office-supplies");
        assertThat(committed.path("amount").toString()).isEqualTo("{\"amountCents\":" + (95 + 28) * 125 + ",\"currency\":\"EUR\"}");
        assertThat(committed.path("sentAt").asText()).isEqualTo(sent.json().path("sentAt").asText());

        assertThat(onOrder("send", order, null).status()).as("sent once").isEqualTo(409);
    }

    private void aPartialDeliveryIsBookedWithItsOwnAmount(Shop shop, String order) throws Exception {
        // receive-purchase-order.json delivers 60 of item ...0001: here, of the pens
        HttpEvent partly = StockFunction.event("receive-purchase-order.json").pathParameter("id", order)
                .path("/purchase-orders/" + order + "/receive");
        partly.body(partly.build().getBody().replace("01JQ7ZK3M8Y2X4ABCDEFGH0001", shop.pens()));
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer part = fn.send(partly);
        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        assertThat(part.json().path("status").asText()).isEqualTo("partially-received");
        JsonNode pen = fn.getItem(shop.pens()).json();
        assertThat(pen.path("quantity").asLong()).isEqualTo(65);
        assertThat(pen.path("onOrder").asLong()).isEqualTo(35);
        assertThat(pen.path("low").asBoolean()).isFalse();
        assertThat(fn.ledgerSum(shop.pens())).isEqualTo(65);

        JsonNode receipt = event("stock:po-received:" + order + ":3", "PurchaseOrderReceived");
        assertThat(receipt.path("receiptId").asLong()).isEqualTo(3);
        assertThat(receipt.path("amount").path("amountCents").asLong()).isEqualTo(60 * 125L);
        assertThat(receipt.path("amount").path("currency").asText()).isEqualTo("EUR");
        assertThat(receipt.path("siteId").asText()).isEqualTo(shop.site());
        assertThat(receipt.path("supplierId").asText()).isEqualTo(shop.jansen());
        assertThat(receipt.path("costCentre").asText()).isEqualTo(StockFunction.COST_CENTRE);
        assertThat(receipt.path("complete").asBoolean()).isFalse();
        assertThat(receipt.path("lines").get(0).path("quantity").asLong()).isEqualTo(60);
        assertThat(receipt.path("lines").get(0).path("unitPrice").path("amountCents").asLong()).isEqualTo(125);

        HttpAnswer tooMuch = onOrder("receive", order, "{\"lines\":[{\"itemId\":\"" + shop.pens() + "\",\"quantity\":36}]}");
        assertThat(tooMuch.status()).isEqualTo(422);
        HttpAnswer noBody = onOrder("receive", order, null);
        assertThat(noBody.status()).as("the body is required; {} receives the rest").isEqualTo(400);
        assertThat(noBody.problemFields()).containsExactly("body");
        assertThat(fn.getItem(shop.pens()).json().path("quantity").asLong()).isEqualTo(65);
        assertThat(mark.since()).as("one delivery received; the refused ones count nothing")
                .isEqualTo(Map.of(Outcome.PURCHASE_ORDER_RECEIVED, 1L));
    }

    private void theRestArrivesWithAnEmptyObjectAndCompletesTheOrder(Shop shop, String order) throws Exception {
        HttpAnswer rest = onOrder("receive", order, "{}");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.json().path("status").asText()).isEqualTo("received");
        assertThat(fn.getItem(shop.pens()).json().path("quantity").asLong()).isEqualTo(100);
        assertThat(fn.getItem(shop.paper()).json().path("quantity").asLong()).isEqualTo(30);
        assertThat(fn.getItem(shop.paper()).json().path("onOrder").asLong()).isZero();
        JsonNode last = event("stock:po-received:" + order + ":4", "PurchaseOrderReceived");
        assertThat(last.path("amount").path("amountCents").asLong()).isEqualTo((35 + 28) * 125L);
        assertThat(last.path("complete").asBoolean()).isTrue();

        JsonNode prices = fn.getItem(shop.pens()).json().path("priceHistory");
        assertThat(prices.get(prices.size() - 1).path("supplierId").asText()).isEqualTo(shop.jansen());
        assertThat(prices.get(prices.size() - 1).path("source").asText()).isEqualTo("purchase-order " + order);
    }

    private void aReceivedOrderCannotBeCancelled(String order) {
        assertThat(onOrder("cancel", order, null).status()).isEqualTo(409);
        assertThat(Outboxes.byDedupeKey(fn.aws, "stock:po-cancelled:" + order)).isEmpty();
    }

    private void cancellingADraftFreesItsItemsAndTellsBudgetNothing(Shop shop, String draft) {
        HttpAnswer cancelled = onOrder("cancel", draft, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(fn.getItem(shop.toner()).json().path("onOrder").asLong()).isZero();
        assertThat(Outboxes.byDedupeKey(fn.aws, "stock:po-cancelled:" + draft)).as("a draft committed nothing").isEmpty();
    }

    private void theOrdersAreListedAndReadBack(Shop shop, String order) {
        HttpAnswer list = fn.send(StockFunction.event("list-purchase-orders.json").queryParameter("siteId", shop.site()));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").size()).isEqualTo(2);
        HttpAnswer one = fn.send(StockFunction.event("get-purchase-order.json").pathParameter("id", order)
                .path("/purchase-orders/" + order));
        assertThat(one.json().path("status").asText()).isEqualTo("received");
        assertThat(one.json().path("costCentre").asText()).isEqualTo(StockFunction.COST_CENTRE);
    }

    @Test
    void cancellingASentOrderReleasesWhatWasStillOutstanding() throws Exception {
        String site = fn.site();
        String supplier = fn.supplier("Cancel", "cancel@example.com");
        String item = fn.item(site, "CAN", 0, 0, 10, null).path("id").asText();
        String order = draft(site, supplier, item, 8, ",\"costCentre\":\"CC-9\",\"category\":\"facilities\"")
                .json().path("id").asText();
        assertThat(onOrder("send", order, null).status()).isEqualTo(200);
        assertThat(onOrder("receive", order, "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":3}]}").status()).isEqualTo(200);
        HttpAnswer cancelled = onOrder("cancel", order, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode released = event("stock:po-cancelled:" + order, "PurchaseOrderCancelled");
        assertThat(released.path("costCentre").asText()).isEqualTo("CC-9");
        assertThat(released.path("category").asText()).isEqualTo("facilities");
        assertThat(released.path("released").path("amountCents").asLong()).isEqualTo(5 * 125L);
        assertThat(released.path("cancelledAt").asText()).isEqualTo(cancelled.json().path("updatedAt").asText());
        assertThat(fn.getItem(item).json().path("onOrder").asLong()).isZero();
    }

    @Test
    void aDraftByHandNamesKnownItemsOfItsSite() {
        String site = fn.site();
        String supplier = fn.supplier("Hand", "hand@example.com");
        String item = fn.item(site, "HAND", 1, 0, 10, null).path("id").asText();
        HttpAnswer created = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", StockFunction.unique("po"))
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":4}]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/purchase-orders/" + created.json().path("id").asText());
        assertThat(fn.getItem(item).json().path("onOrder").asLong()).isEqualTo(4);

        HttpAnswer bad = fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\",\"costCentre\":\"\",\"category\":\"a b\","
                        + "\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":0},{\"itemId\":\"x\",\"quantity\":1.5,\"price\":1}]}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("costCentre", "category", "lines[0].quantity",
                "lines[1].quantity", "lines[1].price");
        HttpAnswer unknownItem = draft(site, supplier, "nope", 1, "");
        assertThat(unknownItem.status()).isEqualTo(422);
        HttpAnswer unknownSupplier = draft(site, "nope", item, 1, "");
        assertThat(unknownSupplier.status()).isEqualTo(422);
    }

    @Test
    void anOrderIsChargedToWhatItNamesElseToItsSitesDefaults() {
        String site = fn.siteWithoutPurchasingDefaults();
        String supplier = fn.supplier("Charged", "charged@example.com");
        String item = fn.item(site, "CHG", 0, 1, 10, supplier).path("id").asText();

        HttpAnswer nowhere = draft(site, supplier, item, 1, "");
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(422);
        assertThat(nowhere.json().path("type").asText()).endsWith("/no-cost-centre");
        assertThat(suggest(site).status()).as("suggesting needs a cost centre too").isEqualTo(422);
        assertThat(fn.getItem(item).json().path("onOrder").asLong()).as("nothing drafted").isZero();

        HttpAnswer named = draft(site, supplier, item, 1, ",\"costCentre\":\"CC-1\"");
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.json().path("costCentre").asText()).isEqualTo("CC-1");
        assertThat(named.json().path("category").asText()).isEqualTo("office-supplies");

        HttpAnswer none = getPurchasingDefaults(site);
        assertThat(none.status()).isEqualTo(404);
        HttpAnswer set = fn.setPurchasingDefaults(site, StockFunction.event("set-purchasing-defaults.json").build().getBody());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("costCentre").asText()).isEqualTo("CC-4010");
        assertThat(getPurchasingDefaults(site).json().path("category").asText()).isEqualTo("office-supplies");
        assertThat(fn.setPurchasingDefaults(site, "{\"costCentre\":\"CC-4020\",\"category\":\"pantry\"}").status()).isEqualTo(200);

        HttpAnswer byDefault = draft(site, supplier, item, 1, "");
        assertThat(byDefault.json().path("costCentre").asText()).isEqualTo("CC-4020");
        assertThat(byDefault.json().path("category").asText()).isEqualTo("pantry");
        HttpAnswer otherCategory = draft(site, supplier, item, 1, ",\"category\":\"it\"");
        assertThat(otherCategory.json().path("costCentre").asText()).isEqualTo("CC-4020");
        assertThat(otherCategory.json().path("category").asText()).isEqualTo("it");

        HttpAnswer bad = fn.setPurchasingDefaults(site, "{\"category\":\"-x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("costCentre", "category");
        HttpAnswer noSite = fn.setPurchasingDefaults("01JNOSUCHSITE0000000000000", "{\"costCentre\":\"CC-1\"}");
        assertThat(noSite.status()).isEqualTo(422);
    }

    private HttpAnswer getPurchasingDefaults(String site) {
        return fn.send(StockFunction.event("get-purchasing-defaults.json").pathParameter("siteId", site)
                .path("/stock/sites/" + site + "/purchasing"));
    }

    private HttpAnswer draft(String site, String supplier, String item, long quantity, String moreFields) {
        return fn.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"supplierId\":\"" + supplier + "\"" + moreFields
                        + ",\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":" + quantity + "}]}"));
    }

    private HttpAnswer suggest(String site) {
        return fn.send(StockFunction.event("suggest-purchase-orders.json").header("idempotency-key", StockFunction.unique("sg"))
                .body("{\"siteId\":\"" + site + "\"}"));
    }

    private HttpAnswer onOrder(String verb, String order, String body) {
        String file = switch (verb) {
            case "send" -> "send-purchase-order.json";
            case "receive" -> "receive-purchase-order.json";
            default -> "cancel-purchase-order.json";
        };
        HttpEvent e = StockFunction.event(file).pathParameter("id", order).path("/purchase-orders/" + order + "/" + verb);
        return fn.send(verb.equals("receive") ? e.body(body) : e);
    }

    /** The detail of the event enqueued under this dedupe key, checked to be of this type from stock. */
    private JsonNode event(String dedupeKey, String detailType) throws Exception {
        OutboxItem.Event event = (OutboxItem.Event) Outboxes.byDedupeKey(fn.aws, dedupeKey).orElseThrow();
        assertThat(event.source()).isEqualTo("nl.spil.stock");
        assertThat(event.detailType()).isEqualTo(detailType);
        return JSON.readTree(event.detail());
    }

    private static JsonNode orderOf(JsonNode orders, String supplier) {
        return orders.get(0).path("supplierId").asText().equals(supplier) ? orders.get(0) : orders.get(1);
    }

    private static Map<String, Long> quantities(JsonNode order) {
        Map<String, Long> out = new HashMap<>();
        order.path("lines").forEach(l -> out.put(l.path("itemId").asText(), l.path("quantity").asLong()));
        return out;
    }
}
