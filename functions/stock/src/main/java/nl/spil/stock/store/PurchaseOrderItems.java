package nl.spil.stock.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import nl.spil.stock.app.PurchasingDefaults.SiteDefaults;
import nl.spil.stock.domain.CostAllocation;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;

/**
 * The layout of purchase orders and of each site's purchasing defaults on the stock table
 * (docs/architecture.md, StockTable).
 */
final class PurchaseOrderItems {

    static final String ORDERS_OF_SITE = "POS#";

    private PurchaseOrderItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("PO#" + id, "PO");
    }

    static Map<String, AttributeValue> defaultsKey(String siteId) {
        return Attrs.key("SITE#" + siteId, "PURCHASING");
    }

    static Map<String, AttributeValue> item(PurchaseOrder o) {
        Map<String, AttributeValue> m = new HashMap<>(key(o.id()));
        m.put("kind", s("PO"));
        m.put("poId", s(o.id()));
        m.put("siteId", s(o.siteId()));
        m.put("supplierId", s(o.supplierId()));
        m.put("costCentre", s(o.charge().costCentre()));
        m.put("category", s(o.charge().category()));
        m.put("status", s(o.status().name()));
        m.put("gsi2pk", s(ORDERS_OF_SITE + o.siteId()));
        m.put("gsi2sk", s(ItemItems.millis(o.createdAt()) + "#" + o.id()));
        List<AttributeValue> lines = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            lines.add(AttributeValue.fromM(Map.of("itemId", s(l.itemId()), "sku", s(l.sku()), "name", s(l.name()),
                    "quantity", n(l.quantity()), "received", n(l.received()), "unitPriceCents", n(l.unitPriceCents()))));
        }
        m.put("lines", AttributeValue.fromL(lines));
        m.put("version", n(o.version()));
        m.put("createdAt", s(o.createdAt().toString()));
        o.sentAt().ifPresent(t -> m.put("sentAt", s(t.toString())));
        m.put("updatedAt", s(o.updatedAt().toString()));
        return m;
    }

    /** An order; one written before cost centres existed is read as {@link CostAllocation#UNASSIGNED}. */
    static PurchaseOrder order(Map<String, AttributeValue> m) {
        List<OrderLine> lines = new ArrayList<>();
        for (AttributeValue v : m.get("lines").l()) {
            Map<String, AttributeValue> l = v.m();
            lines.add(new OrderLine(Attrs.str(l, "itemId"), Attrs.str(l, "sku"), Attrs.str(l, "name"),
                    Attrs.num(l, "quantity"), Attrs.num(l, "received"), Attrs.num(l, "unitPriceCents")));
        }
        CostAllocation charge = Attrs.optStr(m, "costCentre")
                .map(centre -> new CostAllocation(centre, Attrs.str(m, "category")))
                .orElse(CostAllocation.UNASSIGNED);
        return new PurchaseOrder(Attrs.str(m, "poId"), Attrs.str(m, "siteId"), Attrs.str(m, "supplierId"), charge,
                PurchaseOrder.Status.valueOf(Attrs.str(m, "status")), lines, Attrs.num(m, "version"),
                Instant.parse(Attrs.str(m, "createdAt")), Attrs.optStr(m, "sentAt").map(Instant::parse),
                Instant.parse(Attrs.str(m, "updatedAt")));
    }

    static Map<String, AttributeValue> defaults(SiteDefaults d) {
        Map<String, AttributeValue> m = new HashMap<>(defaultsKey(d.siteId()));
        m.put("kind", s("PURCHASING"));
        m.put("siteId", s(d.siteId()));
        m.put("costCentre", s(d.charge().costCentre()));
        m.put("category", s(d.charge().category()));
        m.put("updatedAt", s(d.updatedAt().toString()));
        return m;
    }

    static SiteDefaults defaults(Map<String, AttributeValue> m) {
        return new SiteDefaults(Attrs.str(m, "siteId"),
                new CostAllocation(Attrs.str(m, "costCentre"), Attrs.str(m, "category")),
                Instant.parse(Attrs.str(m, "updatedAt")));
    }
}
