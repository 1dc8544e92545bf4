package nl.spil.budget.api;

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
import nl.spil.budget.api.Views.CategoryView;
import nl.spil.budget.api.Views.CostCentreView;
import nl.spil.budget.app.KeepingCategories;
import nl.spil.budget.app.KeepingCostCentres;
import nl.spil.budget.domain.Category;
import nl.spil.budget.domain.CostCentre;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Cost centres and categories, kept by the office manager. */
@Controller
public class CostCentresController {

    private final KeepingCostCentres costCentres;
    private final KeepingCategories categories;
    private final Json json;

    CostCentresController(KeepingCostCentres costCentres, KeepingCategories categories, Json json) {
        this.costCentres = costCentres;
        this.categories = categories;
        this.json = json;
    }

    @Get("/cost-centres")
    @Allow(Role.OFFICE_MANAGER)
    Page<CostCentreView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<CostCentre> page = costCentres.list(PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(CostCentreView::of).toList(), page.nextCursor());
    }

    @Post(uri = "/cost-centres", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("code", "name", "ownerId");
        String code = BudgetRequests.code(f, "code");
        String name = f.text("name", 120);
        String ownerId = f.text("ownerId", 128);
        f.done();
        return Json.answer(costCentres.create(code, name, ownerId, Requests.create(caller, request, body),
                c -> json.created(CostCentreView.of(c), "/cost-centres/" + c.code())));
    }

    @Get("/cost-centres/{code}")
    @Allow(Role.OFFICE_MANAGER)
    CostCentreView get(String code) {
        return CostCentreView.of(costCentres.get(code));
    }

    @Put(uri = "/cost-centres/{code}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    CostCentreView change(String code, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("name", "ownerId", "version");
        String name = f.text("name", 120);
        String ownerId = f.text("ownerId", 128);
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        f.done();
        return CostCentreView.of(costCentres.change(code, name, ownerId, version));
    }

    @Get("/budget-categories")
    @Allow(Role.OFFICE_MANAGER)
    Page<CategoryView> categories(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Category> page = categories.list(PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(CategoryView::of).toList(), page.nextCursor());
    }

    @Post(uri = "/budget-categories", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> createCategory(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("code", "name");
        String code = BudgetRequests.code(f, "code");
        String name = f.text("name", 120);
        f.done();
        return Json.answer(categories.create(code, name, Requests.create(caller, request, body),
                c -> json.created(CategoryView.of(c), null)));
    }
}
