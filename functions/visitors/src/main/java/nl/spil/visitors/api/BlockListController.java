package nl.spil.visitors.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.visitors.api.Views.BlockEntryView;
import nl.spil.visitors.api.Views.BlockListView;
import nl.spil.visitors.app.KeepingTheBlockList;

/** The office manager's block list. */
@Controller("/visitor-blocklist")
public class BlockListController {

    private final KeepingTheBlockList keeping;

    BlockListController(KeepingTheBlockList keeping) {
        this.keeping = keeping;
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    BlockListView list() {
        return new BlockListView(keeping.list().stream().map(BlockEntryView::of).toList());
    }

    @Post(consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<BlockEntryView> add(Caller caller, @Nullable @Body String body) {
        var w = VisitorRequests.blockEntry(body);
        var entry = keeping.add(caller, w.name(), w.email(), w.company(), w.reason(), w.until());
        return HttpResponse.created(BlockEntryView.of(entry)).header("Location", "/visitor-blocklist/" + entry.id());
    }

    @Delete("/{id}")
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<Void> remove(String id) {
        keeping.remove(id);
        return HttpResponse.noContent();
    }
}
