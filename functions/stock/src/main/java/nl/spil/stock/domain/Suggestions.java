package nl.spil.stock.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Low items turned into what to order, grouped by preferred supplier. */
public final class Suggestions {

    /** What to order of one item. */
    public record Suggestion(Item item, long quantity) {
    }

    /** The suggestions for one supplier (empty supplier: items without a preferred supplier). */
    public record SupplierGroup(Optional<String> supplierId, List<Suggestion> suggestions) {
    }

    private Suggestions() {
    }

    /**
     * Groups the items that are low and have something to order; items that already have an
     * open order are left out when {@code skipItemsOnOrder} (the reminder does not nag about them).
     */
    public static List<SupplierGroup> group(List<Item> items, boolean skipItemsOnOrder) {
        Map<String, List<Suggestion>> bySupplier = new TreeMap<>();
        for (Item item : items) {
            if (!item.isLow() || (skipItemsOnOrder && item.hasOpenOrder())) {
                continue;
            }
            long quantity = item.suggestedOrder();
            if (quantity <= 0) {
                continue;
            }
            bySupplier.computeIfAbsent(item.details().supplierId().orElse(""), k -> new ArrayList<>())
                    .add(new Suggestion(item, quantity));
        }
        List<SupplierGroup> out = new ArrayList<>();
        bySupplier.forEach((supplier, list) -> {
            list.sort(Comparator.comparing(s -> s.item().sku()));
            out.add(new SupplierGroup(supplier.isEmpty() ? Optional.empty() : Optional.of(supplier), List.copyOf(list)));
        });
        return out;
    }
}
