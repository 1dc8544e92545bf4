package nl.spil.stock.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.http.Json;
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
import nl.spil.stock.app.CancellingAPurchaseOrder;
import nl.spil.stock.app.DraftingAPurchaseOrder;
import nl.spil.stock.app.DraftingOrdersForLowStock;
import nl.spil.stock.app.LookingAtPurchaseOrders;
import nl.spil.stock.app.ReceivingADelivery;
import nl.spil.stock.app.SendingAPurchaseOrder;
import nl.spil.stock.domain.PurchaseOrder;

/** Purchase orders: drafted, sent, received and cancelled by the office manager. */
@Controller("/purchase-orders")
public class PurchaseOrdersController {

    private final LookingAtPurchaseOrders looking;
    private final DraftingAPurchaseOrder drafting;
    private final DraftingOrdersForLowStock draftingForLowStock;
    private final SendingAPurchaseOrder sending;
    private final ReceivingADelivery receiving;
    private final CancellingAPurchaseOrder cancelling;
    private final Json json;

    PurchaseOrdersController(LookingAtPurchaseOrders looking, DraftingAPurchaseOrder drafting,
                             DraftingOrdersForLowStock draftingForLowStock, SendingAPurchaseOrder sending,
                             ReceivingADelivery receiving, CancellingAPurchaseOrder cancelling, Json json) {
        this.looking = looking;
        this.drafting = drafting;
        this.draftingForLowStock = draftingForLowStock;
        this.sending = sending;
        this.receiving = receiving;
        this.cancelling = cancelling;
        this.json = json;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PageView<OrderView> list(@Nullable @QueryValue String siteId, @Nullable @QueryValue String limit,
                             @Nullable @QueryValue String cursor) {
        Page<PurchaseOrder> page = looking.ofSite(ItemsController.requiredSite(siteId), PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(OrderView::of).toList(), page.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> draft(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("siteId", "supplierId", "costCentre", "category", "lines");
        String siteId = f.text("siteId", 64);
        String supplierId = f.text("supplierId", 64);
        Optional<String> costCentre = StockRequests.code(f, "costCentre", false);
        Optional<String> category = StockRequests.code(f, "category", false);
        Map<String, Long> lines = StockRequests.quantities(f, 1, true);
        f.done();
        return Json.answer(drafting.draft(new DraftingAPurchaseOrder.Draft(siteId, supplierId, costCentre, category, lines),
                ItemsController.create(caller, request, body),
                o -> json.created(OrderView.of(o), "/purchase-orders/" + o.id())));
    }

    @Post(uri = "/suggested", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> suggest(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("siteId", "costCentre", "category");
        String siteId = f.text("siteId", 64);
        Optional<String> costCentre = StockRequests.code(f, "costCentre", false);
        Optional<String> category = StockRequests.code(f, "category", false);
        f.done();
        return Json.answer(draftingForLowStock.draft(siteId, costCentre, category,
                ItemsController.create(caller, request, body),
                d -> json.created(new SuggestedOrdersView(d.orders().stream().map(OrderView::of).toList(),
                        d.itemsWithoutSupplier()), null)));
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    OrderView get(String id) {
        return OrderView.of(looking.byId(id));
    }

    @Post(uri = "/{id}/send", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView send(Caller caller, String id) {
        return OrderView.of(sending.send(id, caller));
    }

    /** The body is required: {@code {}} receives everything outstanding, {@code lines} a part. */
    @Post(uri = "/{id}/receive", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView receive(Caller caller, String id, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("lines");
        Map<String, Long> delivered = StockRequests.quantities(f, 0, false);
        f.done();
        return OrderView.of(receiving.receive(id, delivered, caller));
    }

    @Post(uri = "/{id}/cancel", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    OrderView cancel(String id) {
        return OrderView.of(cancelling.cancel(id));
    }
}
