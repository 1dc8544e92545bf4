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
import nl.spil.budget.api.Views.BudgetView;
import nl.spil.budget.app.SettingBudgets;
import nl.spil.budget.domain.Budget;
import nl.spil.budget.domain.BudgetKey;
import nl.spil.budget.domain.Phasing;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Budgets per year, cost centre and category, with their monthly phasing and history. */
@Controller("/budgets")
public class BudgetsController {

    private final SettingBudgets budgets;
    private final Json json;

    BudgetsController(SettingBudgets budgets, Json json) {
        this.budgets = budgets;
        this.json = json;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    Page<BudgetView> list(@Nullable @QueryValue String year, @Nullable @QueryValue String costCentre,
                              @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Budget> page = budgets.list(BudgetRequests.year(year, "year"), BudgetRequests.optionalCode(costCentre, "costCentre"),
                PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(BudgetView::of).toList(), page.nextCursor());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> set(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("year", "costCentre", "category", "amount", "months");
        Long year = f.integer("year", BudgetKey.FIRST_YEAR, BudgetKey.LAST_YEAR);
        String costCentre = BudgetRequests.code(f, "costCentre");
        String category = BudgetRequests.code(f, "category");
        Phasing phasing = BudgetRequests.phasing(f);
        f.done();
        BudgetKey key = new BudgetKey(costCentre, category, year.intValue());
        return Json.answer(budgets.set(key, phasing, caller, Requests.create(caller, request, body),
                b -> json.created(BudgetView.of(b), "/budgets/" + b.id())));
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    BudgetView get(String id) {
        return BudgetView.of(budgets.get(id));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    BudgetView change(Caller caller, String id, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("amount", "months", "version");
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        Phasing phasing = BudgetRequests.phasing(f);
        f.done();
        return BudgetView.of(budgets.change(id, phasing, version, caller));
    }
}
