package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.domain.DaysOfCover;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Item.ItemDetails;
import nl.spil.stock.domain.Movement;

/** The office manager keeps the list of supplies per site; everyone may look them up. */
@Singleton
public class KeepingItems {

    private final Items items;
    private final Suppliers suppliers;
    private final DirectoryReader directory;
    private final Ids ids;
    private final Clock clock;

    public KeepingItems(Items items, Suppliers suppliers, DirectoryReader directory, Ids ids, Clock clock) {
        this.items = items;
        this.suppliers = suppliers;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    /** An item with its days of cover (last 30 days of use) and the prices paid per supplier. */
    public record ItemInDetail(Item item, Optional<Long> daysOfCover, long usedLast30Days, List<Items.PricePoint> prices) {
    }

    public Response add(String siteId, String sku, ItemDetails details, long quantity, CreateRequest request,
                        Function<Item, Response> answer) {
        if (directory.site(siteId).isEmpty()) {
            throw ProblemException.unprocessable("unknown-site", "Unknown site", "site " + siteId + " does not exist");
        }
        checkSupplier(details.supplierId());
        Item item = Item.open(ids.next(), siteId, sku, details, quantity, clock.instant());
        return items.add(item, Movement.opening(ids.next(), item, request.callerId()), request, answer);
    }

    public Item change(String id, long expectedVersion, Function<ItemDetails, ItemDetails> changes) {
        return Retrying.onConcurrentChange(() -> {
            Item current = byId(id);
            if (current.version() != expectedVersion) {
                throw ProblemException.stale("item " + id + " is at version " + current.version() + ", not " + expectedVersion);
            }
            ItemDetails details = changes.apply(current.details());
            if (!details.supplierId().equals(current.details().supplierId())) {
                checkSupplier(details.supplierId());
            }
            Item changed = current.changedTo(details, clock.instant());
            items.change(current, changed);
            return changed;
        });
    }

    private void checkSupplier(Optional<String> supplierId) {
        if (supplierId.isPresent() && suppliers.byId(supplierId.get()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-supplier", "Unknown supplier",
                    "supplier " + supplierId.get() + " does not exist");
        }
    }

    public Item byId(String id) {
        return items.byId(id).orElseThrow(() -> ProblemException.notFound("item", id));
    }

    public ItemInDetail inDetail(String id) {
        Item item = byId(id);
        List<Long> used = items.usedSince(id, clock.instant().minus(Duration.ofDays(DaysOfCover.WINDOW_DAYS)));
        return new ItemInDetail(item, DaysOfCover.of(item.quantity(), used, DaysOfCover.WINDOW_DAYS),
                used.stream().mapToLong(Long::longValue).sum(), items.priceHistory(id));
    }

    public Page<Item> ofSite(String siteId, PageRequest page) {
        return items.ofSite(siteId, page);
    }

    public Page<Item> lowAt(String siteId, PageRequest page) {
        return items.lowAt(siteId, page);
    }
}
