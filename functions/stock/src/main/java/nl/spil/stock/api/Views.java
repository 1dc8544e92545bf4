package nl.spil.stock.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.spil.platform.money.Money;
import nl.spil.platform.time.Times;
import nl.spil.stock.app.Items.PricePoint;
import nl.spil.stock.app.KeepingItems.ItemInDetail;
import nl.spil.stock.app.PurchasingDefaults.SiteDefaults;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.StockCount;
import nl.spil.stock.domain.Supplier;

/** The JSON the stock function answers with. Money is integer cents plus currency; instants in UTC with seconds. */
final class Views {

    private Views() {
    }

    static String time(Instant at) {
        return Times.text(at);
    }

    static @Nullable String time(Optional<Instant> at) {
        return at.map(Times::text).orElse(null);
    }

    @Serdeable
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record MoneyView(long amountCents, String currency) {
        static MoneyView eur(long cents) {
            return of(Money.eur(cents));
        }

        static MoneyView of(Money m) {
            return new MoneyView(m.amountCents(), m.currency());
        }
    }

    @Serdeable
    record PriceView(String supplierId, MoneyView unitPrice, String at, String source) {
        static PriceView of(PricePoint p) {
            return new PriceView(p.supplierId(), MoneyView.eur(p.unitPriceCents()), time(p.at()), p.source());
        }
    }

    @Serdeable
    record ItemView(String id, String siteId, String sku, String name, String unit, @Nullable String location,
                    long quantity, long minimum, long reorderUpTo, @Nullable String supplierId, MoneyView unitPrice,
                    long onOrder, boolean low, long suggestedOrder, long version, String createdAt, String updatedAt,
                    @Nullable Long daysOfCover, @Nullable Long usedLast30Days, @Nullable List<PriceView> priceHistory) {

        static ItemView of(Item i) {
            var d = i.details();
            return new ItemView(i.id(), i.siteId(), i.sku(), d.name(), d.unit(), d.location().orElse(null), i.quantity(),
                    d.minimum(), d.reorderUpTo(), d.supplierId().orElse(null), MoneyView.eur(d.unitPriceCents()),
                    i.onOrder(), i.isLow(), i.suggestedOrder(), i.version(), time(i.createdAt()),
                    time(i.updatedAt()), null, null, null);
        }

        static ItemView of(ItemInDetail detail) {
            ItemView v = of(detail.item());
            return new ItemView(v.id, v.siteId, v.sku, v.name, v.unit, v.location, v.quantity, v.minimum, v.reorderUpTo,
                    v.supplierId, v.unitPrice, v.onOrder, v.low, v.suggestedOrder, v.version, v.createdAt, v.updatedAt,
                    detail.daysOfCover().orElse(null), detail.usedLast30Days(),
                    detail.prices().stream().map(PriceView::of).toList());
        }
    }

    @Serdeable
    record MovementView(String id, String itemId, String type, long delta, String by, @Nullable String note, String at) {
        static MovementView of(Movement m) {
            return new MovementView(m.id(), m.itemId(), m.type().code(), m.delta(), m.byPersonId(), m.note().orElse(null),
                    time(m.at()));
        }
    }

    @Serdeable
    record SupplierView(String id, String name, String email, int leadTimeDays, @Nullable String notes, long version,
                        String createdAt, String updatedAt) {
        static SupplierView of(Supplier s) {
            return new SupplierView(s.id(), s.name(), s.email(), s.leadTimeDays(), s.notes().orElse(null), s.version(),
                    time(s.createdAt()), time(s.updatedAt()));
        }
    }

    @Serdeable
    record CountView(String id, String siteId, String status, String openedBy, String openedAt, @Nullable String closedAt,
                     @Nullable List<CountLineView> lines) {
        static CountView of(StockCount c, @Nullable List<CountLineView> lines) {
            return new CountView(c.id(), c.siteId(), c.status().name().toLowerCase(Locale.ROOT), c.openedBy(),
                    time(c.openedAt()), time(c.closedAt()), lines);
        }
    }

    @Serdeable
    record CountLineView(String itemId, long counted, @Nullable Long onHand, @Nullable Long difference) {
    }

    @Serdeable
    record OrderLineView(String itemId, String sku, String name, long quantity, long received, MoneyView unitPrice,
                         MoneyView amount) {
        static OrderLineView of(OrderLine l) {
            return new OrderLineView(l.itemId(), l.sku(), l.name(), l.quantity(), l.received(),
                    MoneyView.of(l.unitPrice()), MoneyView.of(l.amount()));
        }
    }

    @Serdeable
    record OrderView(String id, String siteId, String supplierId, String costCentre, String category, String status,
                     List<OrderLineView> lines, MoneyView total, long version, String createdAt, @Nullable String sentAt,
                     String updatedAt) {
        static OrderView of(PurchaseOrder o) {
            return new OrderView(o.id(), o.siteId(), o.supplierId(), o.charge().costCentre(), o.charge().category(),
                    o.status().code(), o.lines().stream().map(OrderLineView::of).toList(), MoneyView.of(o.total()),
                    o.version(), time(o.createdAt()), time(o.sentAt()), time(o.updatedAt()));
        }
    }

    @Serdeable
    record PurchasingDefaultsView(String siteId, String costCentre, String category, String updatedAt) {
        static PurchasingDefaultsView of(SiteDefaults d) {
            return new PurchasingDefaultsView(d.siteId(), d.charge().costCentre(), d.charge().category(),
                    time(d.updatedAt()));
        }
    }

    @Serdeable
    record SuggestedOrdersView(List<OrderView> orders, List<String> itemsWithoutSupplier) {
    }
}
