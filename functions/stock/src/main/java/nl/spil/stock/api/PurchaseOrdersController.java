package nl.spil.stock.api;

import nl.spil.platform.http.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.api.Views.OrderView;
import nl.spil.stock.api.Views.PageView;
import nl.spil.stock.api.Views.SuggestedOrdersView;
import nl.spil.stock.app.Purchasing;
import nl.spil.stock.domain.PurchaseOrder;

/** Purchase orders: drafted, sent, received and cancelled by the office manager. */
@Controller("/purchase-orders")
public class PurchaseOrdersController {

    private final Purchasing purchasing;
    private final Json json;

    PurchaseOrdersController(Purchasing purchasing, Json json) {
        this.purchasing = purchasing;
        this.json = json;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PageView<OrderView> list(@Nullable @QueryValue String siteId, @Nullable @QueryValue String limit,
                             @Nullable @QueryValue String cursor) {
        Page<PurchaseOrder> page = purchasing.ofSite(ItemsController.requiredSite(siteId), PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(OrderView::of).toList(), page.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> draft(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("siteId", "supplierId", "lines");
        String siteId = f.text("siteId", 64);
        String supplierId = f.text("supplierId", 64);
        Map<String, Long> lines = quantities(f, 1, true);
        f.done();
        return Json.answer(purchasing.draft(siteId, supplierId, lines, ItemsController.create(caller, request, body),
                o -> json.created(OrderView.of(o), "/purchase-orders/" + o.id())));
    }

    @Post(uri = "/suggested", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> suggest(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("siteId");
        String siteId = f.text("siteId", 64);
        f.done();
        return Json.answer(purchasing.suggest(siteId, ItemsController.create(caller, request, body),
                d -> json.created(new SuggestedOrdersView(d.orders().stream().map(OrderView::of).toList(),
                        d.itemsWithoutSupplier()), null)));
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    OrderView get(String id) {
        return OrderView.of(purchasing.byId(id));
    }

    @Post(uri = "/{id}/send", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView send(Caller caller, String id) {
        return OrderView.of(purchasing.send(id, caller));
    }

    @Post(uri = "/{id}/receive", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView receive(Caller caller, String id, @Nullable @Body String body) {
        Map<String, Long> delivered = Map.of();
        if (body != null && !body.isBlank()) {
            JsonFields f = JsonBody.parse(body).only("lines");
            delivered = quantities(f, 0, false);
            f.done();
        }
        return OrderView.of(purchasing.receive(id, delivered, caller));
    }

    @Post(uri = "/{id}/cancel", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView cancel(String id) {
        return OrderView.of(purchasing.cancel(id));
    }

    /** {@code lines: [{itemId, quantity}]}, each item once. */
    private static Map<String, Long> quantities(JsonFields f, long minimum, boolean required) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!f.has("lines")) {
            if (required) {
                f.error("lines", "is required");
            }
            return out;
        }
        List<JsonFields> lines = f.objectList("lines", Purchasing.MAX_LINES);
        if (lines.isEmpty() && required) {
            f.error("lines", "must have at least one line");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonFields l = lines.get(i).only("itemId", "quantity");
            String itemId = l.text("itemId", 64);
            Optional<Long> quantity = Optional.ofNullable(l.integer("quantity", minimum, StockRequests.MAX_QUANTITY));
            if (itemId != null && quantity.isPresent() && out.put(itemId, quantity.get()) != null) {
                f.error("lines[" + i + "].itemId", "names an item a second time");
            }
        }
        return out;
    }
}
