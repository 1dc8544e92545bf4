package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.domain.CostAllocation;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;

/**
 * The office manager drafts an order by hand: these quantities of these items of one site, at
 * their current unit prices, charged to the cost centre and category named or the site's defaults.
 */
@Singleton
public class DraftingAPurchaseOrder {

    /** What the office manager asks for. */
    public record Draft(String siteId, String supplierId, Optional<String> costCentre, Optional<String> category,
                        Map<String, Long> quantities) {
    }

    private final PurchaseOrders orders;
    private final Items items;
    private final Suppliers suppliers;
    private final SettingPurchasingDefaults defaults;
    private final Ids ids;
    private final Clock clock;

    public DraftingAPurchaseOrder(PurchaseOrders orders, Items items, Suppliers suppliers,
                                  SettingPurchasingDefaults defaults, Ids ids, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.suppliers = suppliers;
        this.defaults = defaults;
        this.ids = ids;
        this.clock = clock;
    }

    public Response draft(Draft draft, CreateRequest request, Function<PurchaseOrder, Response> answer) {
        if (suppliers.byId(draft.supplierId()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-supplier", "Unknown supplier",
                    "supplier " + draft.supplierId() + " does not exist");
        }
        CostAllocation charge = defaults.charge(draft.siteId(), draft.costCentre(), draft.category());
        return Retrying.onConcurrentChange(() -> {
            Map<String, Item> read = items.byIds(draft.quantities().keySet());
            List<OrderLine> lines = new ArrayList<>();
            draft.quantities().forEach((itemId, quantity) -> {
                Item item = read.get(itemId);
                if (item == null || !item.siteId().equals(draft.siteId())) {
                    throw ProblemException.unprocessable("unknown-item", "Unknown item",
                            "item " + itemId + " is not kept at site " + draft.siteId());
                }
                lines.add(OrderLine.of(item, quantity));
            });
            PurchaseOrder order = PurchaseOrder.draft(ids.next(), draft.siteId(), draft.supplierId(), charge, lines,
                    clock.instant());
            return orders.draft(List.of(order), read, request, answer.apply(order),
                    again -> again.stream().findFirst().map(answer));
        });
    }
}
