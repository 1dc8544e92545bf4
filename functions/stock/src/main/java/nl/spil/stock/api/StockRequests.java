package nl.spil.stock.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.json.JsonFields;
import nl.spil.stock.domain.CostAllocation;
import nl.spil.stock.domain.Item.ItemDetails;
import nl.spil.stock.domain.PurchaseOrder;

/** Reads the stock function's request bodies, naming every bad field. */
final class StockRequests {

    static final long MAX_QUANTITY = 1_000_000;
    static final long MAX_CENTS = 100_000_000;
    static final List<String> ITEM_FIELDS = List.of("siteId", "sku", "name", "unit", "location", "quantity", "minimum",
            "reorderUpTo", "supplierId", "unitPriceCents");
    static final List<String> ITEM_CHANGE_FIELDS = List.of("version", "name", "unit", "location", "minimum",
            "reorderUpTo", "supplierId", "unitPriceCents");
    static final List<String> MOVEMENT_FIELDS = List.of("type", "quantity", "note");
    static final List<String> SUPPLIER_FIELDS = List.of("name", "email", "leadTimeDays", "notes");
    static final List<String> SUPPLIER_CHANGE_FIELDS = List.of("version", "name", "email", "leadTimeDays", "notes");

    private StockRequests() {
    }

    static String sku(JsonFields f) {
        String sku = f.text("sku", 40);
        if (sku != null && !sku.matches("[A-Za-z0-9][A-Za-z0-9._/-]*")) {
            f.error("sku", "must be letters, digits, '.', '_', '/' or '-'");
            return null;
        }
        return sku;
    }

    /** Item details of a create (every required field). */
    static ItemDetails details(JsonFields f) {
        String name = f.text("name", 200);
        String unit = f.text("unit", 32);
        Optional<String> location = f.optionalText("location", 120);
        Long minimum = f.integer("minimum", 0, MAX_QUANTITY);
        Long reorderUpTo = f.integer("reorderUpTo", 0, MAX_QUANTITY);
        Optional<String> supplier = f.optionalText("supplierId", 64);
        Long price = f.optionalInteger("unitPriceCents", 0, MAX_CENTS).orElse(0L);
        return levels(f, name, unit, location, minimum, reorderUpTo, supplier, price);
    }

    /** Item details of a PATCH: every field optional, the current value where absent. */
    static ItemDetails changed(JsonFields f, ItemDetails current) {
        String name = f.has("name") ? f.text("name", 200) : current.name();
        String unit = f.has("unit") ? f.text("unit", 32) : current.unit();
        Optional<String> location = f.has("location") ? f.optionalText("location", 120) : current.location();
        Long minimum = f.optionalInteger("minimum", 0, MAX_QUANTITY).orElse(f.has("minimum") ? null : current.minimum());
        Long reorderUpTo = f.optionalInteger("reorderUpTo", 0, MAX_QUANTITY)
                .orElse(f.has("reorderUpTo") ? null : current.reorderUpTo());
        Optional<String> supplier = f.has("supplierId") ? f.optionalText("supplierId", 64) : current.supplierId();
        Long price = f.optionalInteger("unitPriceCents", 0, MAX_CENTS)
                .orElse(f.has("unitPriceCents") ? null : current.unitPriceCents());
        return levels(f, name, unit, location, minimum, reorderUpTo, supplier, price);
    }

    /** A cost centre or category code (letters, digits, '.', '_', '-'); empty when absent and not required. */
    static Optional<String> code(JsonFields f, String name, boolean required) {
        if (!f.has(name) && !required) {
            return Optional.empty();
        }
        String code = f.text(name, CostAllocation.MAX_CODE);
        if (code != null && !CostAllocation.isCode(code)) {
            f.error(name, "must be a code of letters, digits, '.', '_' or '-', starting with a letter or digit");
            return Optional.empty();
        }
        return Optional.ofNullable(code);
    }

    /** {@code lines: [{itemId, quantity}]}, each item once; required and non-empty when {@code required}. */
    static Map<String, Long> quantities(JsonFields f, long minimum, boolean required) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!f.has("lines")) {
            if (required) {
                f.error("lines", "is required");
            }
            return out;
        }
        List<JsonFields> lines = f.objectList("lines", PurchaseOrder.MAX_LINES);
        if (lines.isEmpty() && required) {
            f.error("lines", "must have at least one line");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonFields l = lines.get(i).only("itemId", "quantity");
            String itemId = l.text("itemId", 64);
            Optional<Long> quantity = Optional.ofNullable(l.integer("quantity", minimum, MAX_QUANTITY));
            if (itemId != null && quantity.isPresent() && out.put(itemId, quantity.get()) != null) {
                f.error("lines[" + i + "].itemId", "names an item a second time");
            }
        }
        return out;
    }

    private static ItemDetails levels(JsonFields f, String name, String unit, Optional<String> location, Long minimum,
                                      Long reorderUpTo, Optional<String> supplier, Long price) {
        if (minimum != null && reorderUpTo != null && reorderUpTo < minimum) {
            f.error("reorderUpTo", "must be at least the minimum (" + minimum + ")");
            return null;
        }
        if (name == null || unit == null || minimum == null || reorderUpTo == null || price == null) {
            return null;
        }
        return new ItemDetails(name, unit, location, minimum, reorderUpTo, supplier, price);
    }
}
