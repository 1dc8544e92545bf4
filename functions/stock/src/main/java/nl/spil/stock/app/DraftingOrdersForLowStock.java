package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.domain.CostAllocation;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.Suggestions;
import nl.spil.stock.domain.Supplier;

/**
 * The office manager has the low items of a site ordered: one draft per preferred supplier, of
 * reorder-up-to minus on hand minus already on order. Items without a preferred supplier are
 * named, not ordered.
 */
@Singleton
public class DraftingOrdersForLowStock {

    /** Writes per transaction (the idempotency record makes 100). */
    static final int MAX_DRAFT_WRITES = 99;

    /** Drafts made, and the low items that have no preferred supplier to order from. */
    public record Drafted(List<PurchaseOrder> orders, List<String> itemsWithoutSupplier) {
    }

    private final PurchaseOrders orders;
    private final Items items;
    private final Suppliers suppliers;
    private final SettingPurchasingDefaults defaults;
    private final Ids ids;
    private final Clock clock;

    public DraftingOrdersForLowStock(PurchaseOrders orders, Items items, Suppliers suppliers,
                                     SettingPurchasingDefaults defaults, Ids ids, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.suppliers = suppliers;
        this.defaults = defaults;
        this.ids = ids;
        this.clock = clock;
    }

    /** 201 with the drafts, or 200 with none when nothing is left to order. */
    public Response draft(String siteId, Optional<String> costCentre, Optional<String> category, CreateRequest request,
                          Function<Drafted, Response> answer) {
        return Retrying.onConcurrentChange(() -> {
            List<Item> low = items.allLowAt(siteId);
            Map<String, Supplier> known = suppliers.byIds(low.stream()
                    .flatMap(i -> i.details().supplierId().stream()).toList());
            List<Suggestions.SupplierGroup> groups = Suggestions.group(low, false);
            List<String> withoutSupplier = new ArrayList<>();
            groups.stream().filter(g -> g.supplierId().isEmpty() || !known.containsKey(g.supplierId().get()))
                    .forEach(g -> g.suggestions().forEach(s -> withoutSupplier.add(s.item().id())));
            List<Suggestions.SupplierGroup> orderable = groups.stream()
                    .filter(g -> g.supplierId().isPresent() && known.containsKey(g.supplierId().get())).toList();
            if (orderable.isEmpty()) {
                Response nothing = answer.apply(new Drafted(List.of(), withoutSupplier));
                return new Response(200, nothing.body(), null);
            }
            CostAllocation charge = defaults.charge(siteId, costCentre, category);
            Map<String, Item> read = new HashMap<>();
            List<PurchaseOrder> drafts = drafts(siteId, charge, orderable, read, clock.instant());
            return orders.draft(drafts, read, request, answer.apply(new Drafted(drafts, withoutSupplier)),
                    again -> again.isEmpty() ? Optional.empty()
                            : Optional.of(answer.apply(new Drafted(again, List.of()))));
        });
    }

    /** One draft per supplier, within one transaction's writes; the rest is suggested by the next call. */
    private List<PurchaseOrder> drafts(String siteId, CostAllocation charge, List<Suggestions.SupplierGroup> groups,
                                       Map<String, Item> read, Instant now) {
        List<PurchaseOrder> drafts = new ArrayList<>();
        int writes = 0;
        for (Suggestions.SupplierGroup group : groups) {
            List<OrderLine> lines = new ArrayList<>();
            for (Suggestions.Suggestion s : group.suggestions()) {
                if (writes + lines.size() + 2 > MAX_DRAFT_WRITES || lines.size() == PurchaseOrder.MAX_LINES) {
                    break;
                }
                lines.add(OrderLine.of(s.item(), s.quantity()));
                read.put(s.item().id(), s.item());
            }
            if (!lines.isEmpty()) {
                writes += 1 + lines.size();
                drafts.add(PurchaseOrder.draft(ids.next(), siteId, group.supplierId().orElseThrow(), charge, lines, now));
            }
        }
        return drafts;
    }
}
