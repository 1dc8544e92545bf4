package nl.spil.stock.app;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;

/** Where items and their ledgers are kept (port). */
public interface Items {

    Optional<Item> byId(String id);

    /** The items among {@code ids} that exist, by id (strongly consistent). */
    Map<String, Item> byIds(Collection<String> ids);

    /** Items of a site by SKU. */
    Page<Item> ofSite(String siteId, PageRequest page);

    /** Only the items of a site that are below their minimum (the sparse low-stock index). */
    Page<Item> lowAt(String siteId, PageRequest page);

    /** Every low item of a site (all pages of {@link #lowAt}). */
    List<Item> allLowAt(String siteId);

    /** Adds an item (its SKU unique at its site) and, when it starts with stock, the opening movement. */
    Response add(Item item, Optional<Movement> opening, CreateRequest request, Function<Item, Response> answer);

    /** Replaces the details of {@code current} (read at its version) by those of {@code changed}. */
    void change(Item current, Item changed);

    /**
     * Books a movement and the quantity change in one transaction; the quantity never goes below
     * zero (409 with the quantity available).
     */
    Response book(Movement movement, CreateRequest request, Function<Movement, Response> answer);

    /** The ledger, newest first. */
    Page<Movement> movements(String itemId, PageRequest page);

    /** The quantities used since {@code since} (for days of cover). */
    List<Long> usedSince(String itemId, Instant since);

    /** Unit prices paid per supplier, oldest first. */
    List<PricePoint> priceHistory(String itemId);

    record PricePoint(String supplierId, long unitPriceCents, Instant at, String source) {
    }
}
