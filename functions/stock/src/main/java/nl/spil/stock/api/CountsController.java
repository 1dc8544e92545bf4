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
import java.util.List;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.stock.api.Views.CountLineView;
import nl.spil.stock.api.Views.CountView;
import nl.spil.stock.app.TakingStock;
import nl.spil.stock.app.TakingStock.CountWithLines;
import nl.spil.stock.app.TakingStock.ShownLine;

/** Stock-takes: the office manager counts, and closing books the differences. */
@Controller("/stock/counts")
public class CountsController {

    private final TakingStock counts;
    private final Json json;

    CountsController(TakingStock counts, Json json) {
        this.counts = counts;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> open(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("siteId");
        String siteId = f.text("siteId", 64);
        f.done();
        return Json.answer(counts.open(siteId, caller.id(), ItemsController.create(caller, request, body),
                c -> json.created(CountView.of(c, List.of()), "/stock/counts/" + c.id())));
    }

    @Get("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    CountView get(String id) {
        return view(counts.show(id));
    }

    @Put(uri = "/{id}/lines/{itemId}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    CountLineView record(String id, String itemId, @Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("counted");
        Long counted = f.integer("counted", 0, StockRequests.MAX_QUANTITY);
        f.done();
        return line(counts.record(id, itemId, counted));
    }

    @Post(uri = "/{id}/close", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    CountView close(Caller caller, String id) {
        return view(counts.close(id, caller.id()));
    }

    private static CountView view(CountWithLines c) {
        return CountView.of(c.count(), c.lines().stream().map(CountsController::line).toList());
    }

    private static CountLineView line(ShownLine l) {
        return new CountLineView(l.itemId(), l.counted(), l.onHand(), l.difference());
    }
}
