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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.api.Views.PageView;
import nl.spil.stock.api.Views.SupplierView;
import nl.spil.stock.app.KeepingSuppliers;
import nl.spil.stock.domain.Supplier;

/** Suppliers: the office manager's address book for purchasing. */
@Controller("/suppliers")
public class SuppliersController {

    private final KeepingSuppliers suppliers;
    private final Json json;

    SuppliersController(KeepingSuppliers suppliers, Json json) {
        this.suppliers = suppliers;
        this.json = json;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PageView<SupplierView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Supplier> page = suppliers.list(PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(SupplierView::of).toList(), page.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> add(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only(StockRequests.SUPPLIER_FIELDS);
        String name = f.text("name", 200);
        String email = f.email("email");
        Long lead = f.optionalInteger("leadTimeDays", 0, 365).orElse(0L);
        Optional<String> notes = f.optionalMultiline("notes", 2000);
        f.done();
        return Json.answer(suppliers.add(name, email, lead.intValue(), notes,
                ItemsController.create(caller, request, body),
                s -> json.created(SupplierView.of(s), "/suppliers/" + s.id())));
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    SupplierView get(String id) {
        return SupplierView.of(suppliers.byId(id));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    SupplierView change(String id, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only(StockRequests.SUPPLIER_CHANGE_FIELDS);
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        String name = f.text("name", 200);
        String email = f.email("email");
        Long lead = f.optionalInteger("leadTimeDays", 0, 365).orElse(0L);
        Optional<String> notes = f.optionalMultiline("notes", 2000);
        f.done();
        return SupplierView.of(suppliers.change(id, version, name, email, lead.intValue(), notes));
    }
}
