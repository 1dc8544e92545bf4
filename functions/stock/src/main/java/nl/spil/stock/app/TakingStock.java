package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;
import nl.spil.stock.domain.CountLine;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Movement;
import nl.spil.stock.domain.StockCount;

/**
 * The office manager counts what is on the shelves: open a count, record counted quantities,
 * close it. Closing books every difference as a count movement; closing again books nothing.
 */
@Singleton
public class TakingStock {

    /** Lines per transaction: 3 writes each, plus closing the count, stays within DynamoDB's 100. */
    static final int LINES_PER_TRANSACTION = 30;
    private final Counts counts;
    private final Items items;
    private final DirectoryReader directory;
    private final Ids ids;
    private final Clock clock;

    public TakingStock(Counts counts, Items items, DirectoryReader directory, Ids ids, Clock clock) {
        this.counts = counts;
        this.items = items;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    /** A line as shown: counted, on hand (booked, or now while open) and the difference. */
    public record ShownLine(String itemId, long counted, long onHand, long difference) {
    }

    public record CountWithLines(StockCount count, List<ShownLine> lines) {
    }

    public Response open(String siteId, String callerId, CreateRequest request, Function<StockCount, Response> answer) {
        if (directory.site(siteId).isEmpty()) {
            throw ProblemException.unprocessable("unknown-site", "Unknown site", "site " + siteId + " does not exist");
        }
        StockCount count = StockCount.open(ids.next(), siteId, callerId, clock.instant());
        return counts.open(count, request, answer);
    }

    public ShownLine record(String countId, String itemId, long counted) {
        StockCount count = byId(countId);
        if (!count.isOpen()) {
            throw ProblemException.conflict("count-closed", "Count closed", "count " + countId + " is closed");
        }
        Item item = items.byId(itemId).orElseThrow(() -> ProblemException.notFound("item", itemId));
        if (!item.siteId().equals(count.siteId())) {
            throw ProblemException.unprocessable("other-site", "Item of another site",
                    "item " + itemId + " is kept at another site than this count");
        }
        CountLine line = new CountLine(itemId, counted);
        counts.record(count, line);
        return new ShownLine(itemId, counted, item.quantity(), line.differenceFrom(item.quantity()));
    }

    public CountWithLines show(String countId) {
        StockCount count = byId(countId);
        return new CountWithLines(count, shown(counts.lines(countId)));
    }

    public CountWithLines close(String countId, String callerId) {
        return Retrying.onConcurrentChange(() -> {
            StockCount count = byId(countId);
            List<Counts.StoredLine> lines = counts.lines(countId);
            if (!count.isOpen()) {
                return new CountWithLines(count, shown(lines)); // closed before: nothing is booked twice
            }
            List<CountLine> open = lines.stream().filter(l -> !l.isBooked()).map(Counts.StoredLine::line).toList();
            Map<String, Item> read = items.byIds(open.stream().map(CountLine::itemId).toList());
            Instant now = clock.instant();
            if (open.isEmpty()) {
                counts.book(count, List.of(), true, now);
            }
            for (int from = 0; from < open.size(); from += LINES_PER_TRANSACTION) {
                List<Counts.Booking> chunk = new ArrayList<>();
                for (CountLine line : open.subList(from, Math.min(open.size(), from + LINES_PER_TRANSACTION))) {
                    Item item = read.get(line.itemId());
                    chunk.add(new Counts.Booking(line, item, Movement.counted(ids.next(), item, line, callerId, countId, now)));
                }
                counts.book(count, chunk, from + LINES_PER_TRANSACTION >= open.size(), now);
            }
            return show(countId);
        });
    }

    private List<ShownLine> shown(List<Counts.StoredLine> lines) {
        List<String> unbooked = lines.stream().filter(l -> !l.isBooked()).map(l -> l.line().itemId()).toList();
        Map<String, Item> now = unbooked.isEmpty() ? Map.of() : items.byIds(unbooked);
        List<ShownLine> out = new ArrayList<>();
        for (Counts.StoredLine l : lines) {
            long onHand = l.bookedOnHand().orElseGet(() -> now.containsKey(l.line().itemId())
                    ? now.get(l.line().itemId()).quantity() : 0L);
            out.add(new ShownLine(l.line().itemId(), l.line().counted(), onHand, l.line().differenceFrom(onHand)));
        }
        return out;
    }

    public StockCount byId(String id) {
        return counts.byId(id).orElseThrow(() -> ProblemException.notFound("count", id));
    }
}
