package nl.spil.stock.api;

import nl.spil.platform.http.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import nl.spil.platform.http.Requests;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.api.Views.ItemView;
import nl.spil.stock.api.Views.MovementView;
import nl.spil.stock.api.Views.PageView;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.stock.app.KeepingItems;
import nl.spil.stock.app.RecordingMovements;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Item.ItemDetails;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;

/** Supplies and their ledgers: everyone reads and records use; the office manager does the rest. */
@Controller("/stock")
public class ItemsController {

    private final KeepingItems items;
    private final RecordingMovements movements;
    private final Json json;

    ItemsController(KeepingItems items, RecordingMovements movements, Json json) {
        this.items = items;
        this.movements = movements;
        this.json = json;
    }

    static String requiredSite(String siteId) {
        if (siteId == null || siteId.isBlank()) {
            throw ProblemException.badRequest("siteId", "is required");
        }
        if (siteId.length() > 64) {
            throw ProblemException.badRequest("siteId", "must be at most 64 characters");
        }
        return siteId.trim();
    }

    static CreateRequest create(Caller caller, HttpRequest<?> request, String body) {
        return Requests.create(caller, request, body);
    }

    @Get("/items")
    @Allow(anyone = true)
    PageView<ItemView> list(@Nullable @QueryValue String siteId, @Nullable @QueryValue String limit,
                            @Nullable @QueryValue String cursor) {
        Page<Item> page = items.ofSite(requiredSite(siteId), PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(ItemView::of).toList(), page.nextCursor());
    }

    @Get("/low")
    @Allow(Role.OFFICE_MANAGER)
    PageView<ItemView> low(@Nullable @QueryValue String siteId, @Nullable @QueryValue String limit,
                           @Nullable @QueryValue String cursor) {
        Page<Item> page = items.lowAt(requiredSite(siteId), PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(ItemView::of).toList(), page.nextCursor());
    }

    @Post(uri = "/items", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> add(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(StockRequests.ITEM_FIELDS);
        String siteId = fields.text("siteId", 64);
        String sku = StockRequests.sku(fields);
        ItemDetails details = StockRequests.details(fields);
        long quantity = fields.optionalInteger("quantity", 0, StockRequests.MAX_QUANTITY).orElse(0L);
        fields.done();
        return Json.answer(items.add(siteId, sku, details, quantity, create(caller, request, body),
                i -> json.created(ItemView.of(i), "/stock/items/" + i.id())));
    }

    @Get("/items/{id}")
    @Allow(anyone = true)
    ItemView get(String id) {
        return ItemView.of(items.inDetail(id));
    }

    @Patch(uri = "/items/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    ItemView change(String id, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(StockRequests.ITEM_CHANGE_FIELDS);
        Long version = fields.integer("version", 1, Long.MAX_VALUE);
        if (version == null) {
            fields.done();
        }
        return ItemView.of(items.change(id, version, current -> {
            ItemDetails changed = StockRequests.changed(fields, current);
            fields.done();
            return changed;
        }));
    }

    @Post(uri = "/items/{id}/movements", consumes = MediaType.ALL)
    @Allow(anyone = true)
    HttpResponse<String> record(Caller caller, HttpRequest<?> request, String id, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(StockRequests.MOVEMENT_FIELDS);
        MovementType type = fields.oneOf("type", MovementType::parse, "use, restock or correction", true);
        Long quantity;
        if (type == MovementType.CORRECTION) {
            quantity = fields.integer("quantity", -StockRequests.MAX_QUANTITY, StockRequests.MAX_QUANTITY);
            if (quantity != null && quantity == 0) {
                fields.error("quantity", "must not be 0");
            }
        } else {
            quantity = fields.integer("quantity", 1, StockRequests.MAX_QUANTITY);
        }
        var note = fields.optionalText("note", 200);
        fields.done();
        return Json.answer(movements.record(caller, id, type, quantity, note, create(caller, request, body),
                (Movement m) -> json.created(MovementView.of(m), "/stock/items/" + id + "/movements")));
    }

    @Get("/items/{id}/movements")
    @Allow(anyone = true)
    PageView<MovementView> ledger(String id, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Movement> page = movements.ledger(id, PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(MovementView::of).toList(), page.nextCursor());
    }
}
