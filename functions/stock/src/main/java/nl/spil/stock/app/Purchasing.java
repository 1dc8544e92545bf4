package nl.spil.stock.app;

import nl.spil.platform.retry.ConcurrentChange;

import nl.spil.platform.idempotency.CreateRequest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.MovementType;
import nl.spil.stock.domain.OrderLine;
import nl.spil.stock.domain.PurchaseOrder;
import nl.spil.stock.domain.Suggestions;
import nl.spil.stock.domain.Supplier;

/**
 * The office manager buys: drafts orders (by hand or from the low-stock suggestions), sends
 * them to the supplier, receives them in full or in part, or cancels them.
 */
@Singleton
public class Purchasing {

    /** Lines per order: receiving writes 3 items per line, plus the order and the event, within 100. */
    public static final int MAX_LINES = 30;
    /** Writes per suggestion transaction (the idempotency record makes 100). */
    static final int MAX_DRAFT_WRITES = 99;
    public static final String EVENT_SOURCE = "nl.spil.stock";
    public static final String RECEIVED = "PurchaseOrderReceived";

    private final PurchaseOrders orders;
    private final Items items;
    private final Suppliers suppliers;
    private final DirectoryReader directory;
    private final Outbox outbox;
    private final Settings settings;
    private final Ids ids;
    private final Clock clock;

    public Purchasing(PurchaseOrders orders, Items items, Suppliers suppliers, DirectoryReader directory, Outbox outbox,
                      Settings settings, Ids ids, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.suppliers = suppliers;
        this.directory = directory;
        this.outbox = outbox;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** Drafts made from suggestions, and the low items that have no preferred supplier to order from. */
    public record Drafted(List<PurchaseOrder> orders, List<String> itemsWithoutSupplier) {
    }

    public PurchaseOrder byId(String id) {
        return orders.byId(id).orElseThrow(() -> ProblemException.notFound("purchase order", id));
    }

    public Page<PurchaseOrder> ofSite(String siteId, PageRequest page) {
        return orders.ofSite(siteId, page);
    }

    /** A draft by hand: these quantities of these items of one site, at their current unit prices. */
    public Response draft(String siteId, String supplierId, Map<String, Long> quantities, CreateRequest request,
                          Function<PurchaseOrder, Response> answer) {
        if (suppliers.byId(supplierId).isEmpty()) {
            throw ProblemException.unprocessable("unknown-supplier", "Unknown supplier", "supplier " + supplierId + " does not exist");
        }
        for (int attempt = 1; ; attempt++) {
            Map<String, Item> read = items.byIds(quantities.keySet());
            List<OrderLine> lines = new ArrayList<>();
            for (var e : quantities.entrySet()) {
                Item item = read.get(e.getKey());
                if (item == null || !item.siteId().equals(siteId)) {
                    throw ProblemException.unprocessable("unknown-item", "Unknown item",
                            "item " + e.getKey() + " is not kept at site " + siteId);
                }
                lines.add(new OrderLine(item.id(), item.sku(), item.details().name(), e.getValue(), 0,
                        item.details().unitPriceCents()));
            }
            Instant now = clock.instant();
            PurchaseOrder order = new PurchaseOrder(ids.next(), siteId, supplierId, PurchaseOrder.Status.DRAFT, lines, 1, now,
                    Optional.empty(), now);
            try {
                return orders.draft(List.of(order), read, request, answer.apply(order),
                        again -> again.stream().findFirst().map(answer));
            } catch (ConcurrentChange r) {
                if (attempt >= 10) {
                    throw r;
                }
            }
        }
    }

    /**
     * Drafts one order per supplier from the items below their minimum at a site: reorder-up-to
     * minus on hand minus already on order. Items without a preferred supplier are named, not
     * ordered.
     */
    public Response suggest(String siteId, CreateRequest request, Function<Drafted, Response> answer) {
        for (int attempt = 1; ; attempt++) {
            List<Item> low = items.allLowAt(siteId);
            List<PurchaseOrder> drafts = new ArrayList<>();
            List<String> withoutSupplier = new ArrayList<>();
            Map<String, Item> read = new HashMap<>();
            int writes = 0;
            Instant now = clock.instant();
            Map<String, Supplier> known = suppliers.byIds(low.stream()
                    .flatMap(i -> i.details().supplierId().stream()).toList());
            for (Suggestions.SupplierGroup group : Suggestions.group(low, false)) {
                if (group.supplierId().isEmpty() || !known.containsKey(group.supplierId().get())) {
                    group.suggestions().forEach(s -> withoutSupplier.add(s.item().id()));
                    continue;
                }
                List<OrderLine> lines = new ArrayList<>();
                for (Suggestions.Suggestion s : group.suggestions()) {
                    if (writes + lines.size() + 2 > MAX_DRAFT_WRITES || lines.size() == MAX_LINES) {
                        break; // the rest is suggested again by the next call
                    }
                    Item item = s.item();
                    lines.add(new OrderLine(item.id(), item.sku(), item.details().name(), s.quantity(), 0,
                            item.details().unitPriceCents()));
                    read.put(item.id(), item);
                }
                if (!lines.isEmpty()) {
                    writes += 1 + lines.size();
                    drafts.add(new PurchaseOrder(ids.next(), siteId, group.supplierId().get(), PurchaseOrder.Status.DRAFT,
                            lines, 1, now, Optional.empty(), now));
                }
            }
            Drafted drafted = new Drafted(drafts, withoutSupplier);
            if (drafts.isEmpty()) {
                Response nothing = answer.apply(drafted);
                return new Response(200, nothing.body(), null);
            }
            try {
                return orders.draft(drafts, read, request, answer.apply(drafted),
                        again -> again.isEmpty() ? Optional.empty() : Optional.of(answer.apply(new Drafted(again, List.of()))));
            } catch (ConcurrentChange r) {
                if (attempt >= 10) {
                    throw r;
                }
            }
        }
    }

    /** Sends a draft to its supplier: an e-mail with the order as a table and as CSV, in the caller's language. */
    public PurchaseOrder send(String id, Caller caller) {
        PurchaseOrder current = byId(id);
        if (current.status() != PurchaseOrder.Status.DRAFT) {
            throw ProblemException.conflict("order-not-draft", "Not a draft", "order " + id + " is " + current.status().code());
        }
        Supplier supplier = suppliers.byId(current.supplierId())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-supplier", "Unknown supplier",
                        "supplier " + current.supplierId() + " does not exist"));
        Optional<DirectoryReader.PersonCard> me = caller.email().flatMap(directory::personByEmail);
        Language language = me.map(DirectoryReader.PersonCard::language).orElse(Language.NL);
        String siteName = directory.site(current.siteId()).map(DirectoryReader.SiteCard::name).orElse(current.siteId());
        PurchaseOrder sent = current.sent(clock.instant());
        EmailMessage message = EmailMessage.of(EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                        EmailAddress.of(supplier.email(), supplier.name()), language,
                        OrderMail.ORDER.render(language, new OrderMail.Model(sent, supplier, siteName), settings.officeName()),
                        "stock-po-" + id)
                .withAttachment(Attachment.csv("order-" + id + ".csv", OrderMail.csv(sent)));
        if (caller.email().isPresent()) {
            message = message.withReplyTo(EmailAddress.of(caller.email().get()));
        }
        try {
            orders.send(current, sent, outbox.email(message, "stock:po-sent:" + id));
        } catch (ConcurrentChange r) {
            throw ProblemException.stale("order " + id + " was changed meanwhile; reload it");
        }
        return sent;
    }

    /**
     * Receives a delivery (item id → quantity; empty: everything outstanding): stock goes up and
     * a PurchaseOrderReceived event with the amounts in cents goes through the outbox, in one
     * transaction.
     */
    public PurchaseOrder receive(String id, Map<String, Long> delivered, Caller caller) {
        for (int attempt = 1; ; attempt++) {
            PurchaseOrder current = byId(id);
            Map<String, Long> quantities = new LinkedHashMap<>(delivered);
            if (quantities.isEmpty()) {
                current.lines().stream().filter(l -> l.outstanding() > 0).forEach(l -> quantities.put(l.itemId(), l.outstanding()));
            }
            quantities.values().removeIf(q -> q == 0);
            if (quantities.isEmpty()) {
                throw ProblemException.unprocessable("nothing-to-receive", "Nothing to receive",
                        "order " + id + " has nothing outstanding in this delivery");
            }
            Instant now = clock.instant();
            PurchaseOrder received;
            try {
                received = current.receiving(quantities, now);
            } catch (IllegalStateException e) {
                throw ProblemException.conflict("order-not-sent", "Not receivable", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable("too-much-received", "More than ordered", e.getMessage());
            }
            Map<String, Item> read = items.byIds(quantities.keySet());
            List<Movement> movements = new ArrayList<>();
            quantities.forEach((itemId, q) -> movements.add(new Movement(ids.next(), itemId, MovementType.RESTOCK, q,
                    caller.id(), Optional.of("purchase order " + id), now)));
            var event = outbox.event(EVENT_SOURCE, RECEIVED, eventDetail(received, quantities, now),
                    "stock:po-received:" + id + ":" + received.version());
            try {
                orders.receive(current, received, read, movements, event);
                return received;
            } catch (ConcurrentChange r) {
                if (attempt >= 10) {
                    throw r;
                }
            }
        }
    }

    public PurchaseOrder cancel(String id) {
        PurchaseOrder current = byId(id);
        PurchaseOrder cancelled;
        try {
            cancelled = current.cancelled(clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("order-closed", "Order closed", e.getMessage());
        }
        try {
            orders.cancel(current, cancelled);
        } catch (ConcurrentChange r) {
            throw ProblemException.stale("order " + id + " was changed meanwhile; reload it");
        }
        return cancelled;
    }

    /** The event budget books as an expense: what this delivery cost, in integer cents. */
    static String eventDetail(PurchaseOrder order, Map<String, Long> quantities, Instant at) {
        StringBuilder lines = new StringBuilder();
        long total = 0;
        for (var e : quantities.entrySet()) {
            OrderLine l = order.line(e.getKey()).orElseThrow();
            long amount = Math.multiplyExact(e.getValue(), l.unitPriceCents());
            total = Math.addExact(total, amount);
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("{\"itemId\":").append(q(l.itemId())).append(",\"sku\":").append(q(l.sku()))
                    .append(",\"name\":").append(q(l.name())).append(",\"quantity\":").append(e.getValue())
                    .append(",\"unitPriceCents\":").append(l.unitPriceCents()).append(",\"amountCents\":").append(amount)
                    .append('}');
        }
        return "{\"purchaseOrderId\":" + q(order.id()) + ",\"receipt\":" + order.version() + ",\"siteId\":" + q(order.siteId())
                + ",\"supplierId\":" + q(order.supplierId()) + ",\"receivedAt\":" + q(at.toString())
                + ",\"amountCents\":" + total + ",\"currency\":\"EUR\",\"complete\":"
                + (order.status() == PurchaseOrder.Status.RECEIVED) + ",\"lines\":[" + lines + "]}";
    }

    private static String q(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
