package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import nl.spil.budget.domain.Category;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** The office manager keeps the categories money is spent on. */
@Singleton
public class KeepingCategories {

    private final Categories categories;
    private final Clock clock;

    public KeepingCategories(Categories categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    public Response create(String code, String name, CreateRequest request, Function<Category, Response> answer) {
        Category category = new Category(code, name, clock.instant());
        return categories.create(category, request, answer.apply(category),
                c -> categories.byCodes(List.of(c)).values().stream().findFirst().map(answer));
    }

    public Page<Category> list(PageRequest page) {
        return categories.page(page);
    }
}
