package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Item.ItemDetails;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The layout of items, their SKU guards and ledger entries on the stock table
 * (docs/architecture.md, StockTable).
 */
final class ItemItems {

    static final String LOW = "LOW#";
    static final String ITEMS = "ITEMS#";
    static final String MOVE = "MOVE#";
    static final String PRICE = "PRICE#";

    private ItemItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("ITEM#" + id, "ITEM");
    }

    static Map<String, AttributeValue> skuKey(String siteId, String sku) {
        return Attrs.key("SKU#" + siteId + "#" + sku.toLowerCase(Locale.ROOT), "SKU");
    }

    static String lowSortKey(Item item) {
        return item.sku().toLowerCase(Locale.ROOT) + "#" + item.id();
    }

    /** A sort key that orders by time: 13-digit epoch milliseconds (ISO strings vary in length). */
    static String millis(Instant at) {
        return String.format(Locale.ROOT, "%013d", at.toEpochMilli());
    }

    static Map<String, AttributeValue> item(Item item) {
        Map<String, AttributeValue> m = new HashMap<>(key(item.id()));
        m.put("kind", s("ITEM"));
        m.put("itemId", s(item.id()));
        m.put("siteId", s(item.siteId()));
        m.put("sku", s(item.sku()));
        m.put("gsi2pk", s(ITEMS + item.siteId()));
        m.put("gsi2sk", s(lowSortKey(item)));
        if (item.isLow()) {
            m.put("gsi1pk", s(LOW + item.siteId()));
            m.put("gsi1sk", s(lowSortKey(item)));
        }
        details(item.details()).forEach(m::put);
        m.put("quantity", n(item.quantity()));
        m.put("onOrder", n(item.onOrder()));
        m.put("version", n(item.version()));
        m.put("createdAt", s(item.createdAt().toString()));
        m.put("updatedAt", s(item.updatedAt().toString()));
        return m;
    }

    /** The detail attributes; optional ones absent (the update removes them). */
    static Map<String, AttributeValue> details(ItemDetails d) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(d.name()));
        m.put("unit", s(d.unit()));
        d.location().ifPresent(v -> m.put("location", s(v)));
        m.put("minimum", n(d.minimum()));
        m.put("reorderUpTo", n(d.reorderUpTo()));
        d.supplierId().ifPresent(v -> m.put("supplierId", s(v)));
        m.put("unitPriceCents", n(d.unitPriceCents()));
        return m;
    }

    static Item item(Map<String, AttributeValue> m) {
        ItemDetails d = new ItemDetails(Attrs.str(m, "name"), Attrs.str(m, "unit"), Attrs.optStr(m, "location"),
                Attrs.num(m, "minimum"), Attrs.num(m, "reorderUpTo"), Attrs.optStr(m, "supplierId"),
                Attrs.num(m, "unitPriceCents"));
        return new Item(Attrs.str(m, "itemId"), Attrs.str(m, "siteId"), Attrs.str(m, "sku"), d,
                Attrs.num(m, "quantity"), Attrs.num(m, "onOrder"), Attrs.num(m, "version"),
                Instant.parse(Attrs.str(m, "createdAt")), Instant.parse(Attrs.str(m, "updatedAt")));
    }

    static Map<String, AttributeValue> movementKey(Movement mv) {
        return Attrs.key("ITEM#" + mv.itemId(), MOVE + millis(mv.at()) + "#" + mv.id());
    }

    static Map<String, AttributeValue> movement(Movement mv) {
        Map<String, AttributeValue> m = new HashMap<>(movementKey(mv));
        m.put("kind", s("MOVEMENT"));
        m.put("movementId", s(mv.id()));
        m.put("itemId", s(mv.itemId()));
        m.put("type", s(mv.type().code()));
        m.put("delta", n(mv.delta()));
        m.put("by", s(mv.byPersonId()));
        mv.note().ifPresent(v -> m.put("note", s(v)));
        m.put("at", s(mv.at().toString()));
        return m;
    }

    static Movement movement(Map<String, AttributeValue> m) {
        return new Movement(Attrs.str(m, "movementId"), Attrs.str(m, "itemId"),
                MovementType.parse(Attrs.str(m, "type")).orElseThrow(), Attrs.num(m, "delta"), Attrs.str(m, "by"),
                Attrs.optStr(m, "note"), Instant.parse(Attrs.str(m, "at")));
    }

    /** The append-only ledger entry: a new key, never overwritten. */
    static TransactWriteItem putMovement(String table, Movement mv) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(movement(mv))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** A price paid (or set) for an item at a supplier, kept on the item's partition. */
    static TransactWriteItem putPrice(String table, String itemId, Optional<String> supplierId, long cents, Instant at,
                                      String source, String uniq) {
        Map<String, AttributeValue> m = new HashMap<>(Attrs.key("ITEM#" + itemId,
                PRICE + supplierId.orElse("-") + "#" + millis(at) + "#" + uniq));
        m.put("kind", s("PRICE"));
        m.put("supplierId", s(supplierId.orElse("-")));
        m.put("unitPriceCents", n(cents));
        m.put("at", s(at.toString()));
        m.put("source", s(source));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(m).build()).build();
    }
}
