package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.bookings.app.Bookings;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Series;
import nl.spil.bookings.domain.Slots;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Bookings on the bookings table (docs/architecture.md, BookingsTable). The lock against double
 * booking is one slot item per resource and quarter hour, in the partition of the site day
 * ({@code SITEDAY#<site>#<local date>}, sort key {@code SLOT#<resource>#<UTC start>}), put with
 * {@code attribute_not_exists(pk)} in the same TransactWriteItems as the booking: of two
 * overlapping bookings at least one slot is the same item, so exactly one transaction commits.
 * The same partition keeps one entry per active booking ({@code ENTRY#<UTC start>#<booking>}),
 * which availability and the day overview read.
 */
@Singleton
public class DynamoBookings implements Bookings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long LAST_SECOND = 253402300799L; // 9999-12-31T23:59:59Z
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;
    private final IdempotentCreates creates;
    private final Outbox outbox;

    public DynamoBookings(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates,
                          Outbox outbox) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.cursors = cursors;
        this.creates = creates;
        this.outbox = outbox;
    }

    // ------------------------------------------------------------------ keys

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("BOOKING#" + id, "BOOKING");
    }

    static String dayPk(String siteId, LocalDate day) {
        return "SITEDAY#" + siteId + "#" + day;
    }

    static Map<String, AttributeValue> slotKey(Booking b, Instant quarter) {
        return Attrs.key(dayPk(b.siteId(), Slots.siteDay(quarter, b.zone())), "SLOT#" + b.resourceId() + "#" + time(quarter));
    }

    static Map<String, AttributeValue> entryKey(Booking b) {
        return Attrs.key(dayPk(b.siteId(), Slots.siteDay(b.start(), b.zone())), "ENTRY#" + time(b.start()) + "#" + b.id());
    }

    static Map<String, AttributeValue> watchKey(Booking b) {
        return Attrs.key("NOSHOW#" + b.releaseAt().atZone(ZoneOffset.UTC).toLocalDate(), time(b.releaseAt()) + "#" + b.id());
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Booking> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(id))
                .consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(booking(item));
    }

    @Override
    public Page<Booking> ofOrganiser(String organiserId, Instant from, Instant to, PageRequest page) {
        return list("gsi1", "ORGANISER#" + organiserId, "mine:" + organiserId, from, to, page);
    }

    @Override
    public Page<Booking> ofResource(String resourceId, Instant from, Instant to, PageRequest page) {
        return list("gsi2", "AGENDA#" + resourceId, "agenda:" + resourceId, from, to, page);
    }

    private Page<Booking> list(String index, String partition, String scope, Instant from, Instant to, PageRequest page) {
        QueryResponse result = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :p AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", index + "pk", "#sk", index + "sk"))
                .expressionAttributeValues(Map.of(":p", s(partition), ":from", s(time(from)), ":to", s(time(to))))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(result.items().stream().map(DynamoBookings::booking).toList(),
                cursors.encode(scope, result.lastEvaluatedKey()));
    }

    @Override
    public List<DayEntry> dayEntries(String siteId, LocalDate day, Instant until) {
        String upper = until.getEpochSecond() > LAST_SECOND ? "ENTRY#~" : "ENTRY#" + time(until);
        List<DayEntry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s(dayPk(siteId, day)), ":a", s("ENTRY#"), ":b", s(upper)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(entry(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<String> dueForRelease(Instant tick) {
        // markers are partitioned by the UTC day of their deadline: today's and yesterday's cover any tick
        Set<String> ids = new LinkedHashSet<>();
        LocalDate today = tick.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :p AND sk <= :t")
                        .expressionAttributeValues(Map.of(":p", s("NOSHOW#" + day), ":t", s(time(tick) + "#~")))
                        .consistentRead(true)
                        .exclusiveStartKey(start).build());
                page.items().forEach(i -> ids.add(Attrs.str(i, "bookingId")));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return List.copyOf(ids);
    }

    // ------------------------------------------------------------------ writes

    @Override
    public Response book(Booking b, Optional<EmailMessage> mail, CreateRequest request, Function<Booking, Response> answer) {
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Instant> slots = b.slots();
        for (Instant q : slots) {
            writes.add(takeSlot(b, q));
        }
        writes.add(put(bookingItem(b), "attribute_not_exists(pk)", Map.of()));
        writes.add(put(entryItem(b), null, Map.of()));
        writes.add(put(watchItem(b), null, Map.of()));
        mail.ifPresent(m -> writes.add(outbox.email(m, dedupe(b))));
        return creates.create(request, "bookings", new Plan(writes, answer.apply(b), b.id()),
                cancelled -> conflict(cancelled, b, slots, 0), id -> byId(id).map(answer));
    }

    @Override
    public void reschedule(Booking current, Booking changed, Optional<EmailMessage> mail) {
        Map<Map<String, AttributeValue>, Instant> oldSlots = new LinkedHashMap<>();
        current.slots().forEach(q -> oldSlots.put(slotKey(current, q), q));
        List<Instant> taken = new ArrayList<>();
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Instant q : changed.slots()) {
            if (oldSlots.remove(slotKey(changed, q)) == null || !current.resourceId().equals(changed.resourceId())) {
                taken.add(q);
                writes.add(takeSlot(changed, q));
            }
        }
        int bookingIndex = writes.size();
        writes.add(put(bookingItem(changed), "version = :v", Map.of(":v", n(current.version()))));
        oldSlots.keySet().forEach(k -> writes.add(freeSlot(k, current.id())));
        if (entryKey(current).equals(entryKey(changed))) {
            writes.add(put(entryItem(changed), null, Map.of()));
        } else {
            writes.add(delete(entryKey(current)));
            writes.add(put(entryItem(changed), null, Map.of()));
        }
        if (current.checkedInAt().isEmpty() && !watchKey(current).equals(watchKey(changed))) {
            writes.add(delete(watchKey(current)));
            writes.add(put(watchItem(changed), null, Map.of()));
        }
        mail.ifPresent(m -> writes.add(outbox.email(m, dedupe(changed))));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, bookingIndex)) {
                throw ProblemException.stale("booking " + current.id() + " was changed meanwhile; reload it");
            }
            if (Transactions.onlyConditionsFailed(e)) {
                throw conflict(new Cancellation(e, 0), changed, taken, 0);
            }
            throw e;
        }
    }

    @Override
    public void cancel(Booking current, Booking cancelled, Optional<EmailMessage> mail) {
        List<TransactWriteItem> writes = freeing(current, cancelled, "version = :v", Map.of(":v", n(current.version())));
        mail.ifPresent(m -> writes.add(outbox.email(m, dedupe(cancelled))));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                throw ProblemException.stale("booking " + current.id() + " was changed meanwhile; reload it");
            }
            throw e;
        }
    }

    @Override
    public boolean release(Booking current, Booking released, Optional<EmailMessage> mail) {
        List<TransactWriteItem> writes = freeing(current, released,
                "version = :v AND #status = :booked AND attribute_not_exists(checkedInAt)",
                Map.of(":v", n(current.version()), ":booked", s(Booking.Status.BOOKED.name())));
        current.seriesId().ifPresent(series -> writes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table).key(seriesKey(series))
                // no condition: an occurrence whose series write never happened (a crash before it) is still released
                .updateExpression("ADD missed :one")
                .expressionAttributeValues(Map.of(":one", n(1))).build()).build()));
        mail.ifPresent(m -> writes.add(outbox.email(m, dedupe(released))));
        try {
            transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                return false; // checked in, changed or released by an earlier run of this tick
            }
            throw e;
        }
    }

    @Override
    public void checkIn(Booking current, Booking checkedIn) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(bookingItem(checkedIn), "version = :v AND attribute_not_exists(checkedInAt)",
                Map.of(":v", n(current.version()))));
        writes.add(put(entryItem(checkedIn), null, Map.of()));
        writes.add(delete(watchKey(current)));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                throw ProblemException.stale("booking " + current.id() + " was changed meanwhile; reload it");
            }
            throw e;
        }
    }

    /** Booking item (under a condition), slots, entry and no-show marker freed. */
    private List<TransactWriteItem> freeing(Booking current, Booking next, String condition,
                                            Map<String, AttributeValue> values) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> item = bookingItem(next);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(condition.contains("#status") ? Map.of("#status", "status") : null)
                .expressionAttributeValues(values).build()).build());
        current.slots().forEach(q -> writes.add(freeSlot(slotKey(current, q), current.id())));
        writes.add(delete(entryKey(current)));
        writes.add(delete(watchKey(current)));
        return writes;
    }

    private void transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.transactionConflict(e) && attempt < 4) {
                    try {
                        Thread.sleep(5L + (long) (Math.random() * 20 * attempt));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    continue;
                }
                throw e;
            }
        }
    }

    /** The 409 for the first slot that was taken, naming it (and its booking when DynamoDB says). */
    private ProblemException conflict(Cancellation cancelled, Booking b, List<Instant> slots, int firstSlotIndex) {
        for (int i = 0; i < slots.size(); i++) {
            if (cancelled.conditionFailed(firstSlotIndex + i)) {
                Instant q = slots.get(i);
                Map<String, Object> slot = new LinkedHashMap<>();
                slot.put("resourceId", b.resourceId());
                slot.put("start", q.atZone(b.zone()).toOffsetDateTime().toString());
                slot.put("end", q.plus(Slots.QUARTER).atZone(b.zone()).toOffsetDateTime().toString());
                takenBy(cancelled, firstSlotIndex + i).ifPresent(id -> slot.put("bookingId", id));
                return new ProblemException(Problem.of(409, "slot-taken", "Already booked",
                        b.resourceName() + " is already booked from " + slot.get("start") + " to " + slot.get("end")),
                        Map.of("conflict", slot));
            }
        }
        return ProblemException.conflict("booking-exists", "Booking id in use", "send the request again");
    }

    private static Optional<String> takenBy(Cancellation cancelled, int index) {
        List<CancellationReason> reasons = cancelled.exception().cancellationReasons();
        int at = index + cancelled.offset();
        if (reasons == null || at >= reasons.size() || reasons.get(at).item() == null) {
            return Optional.empty();
        }
        return Attrs.optStr(reasons.get(at).item(), "bookingId");
    }

    private TransactWriteItem takeSlot(Booking b, Instant q) {
        Map<String, AttributeValue> item = new HashMap<>(slotKey(b, q));
        item.put("kind", s("SLOT"));
        item.put("bookingId", s(b.id()));
        item.put("resourceId", s(b.resourceId()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR bookingId = :me")
                .expressionAttributeValues(Map.of(":me", s(b.id())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    private TransactWriteItem freeSlot(Map<String, AttributeValue> key, String bookingId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression("bookingId = :b").expressionAttributeValues(Map.of(":b", s(bookingId))).build()).build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    private static String dedupe(Booking b) {
        return nl.spil.bookings.app.BookingMails.dedupeKey(b);
    }

    // ------------------------------------------------------------------ series

    static Map<String, AttributeValue> seriesKey(String id) {
        return Attrs.key("SERIES#" + id, "SERIES");
    }

    @Override
    public Occurrence bookOccurrence(Booking b) {
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Instant> slots = b.slots();
        for (Instant q : slots) {
            writes.add(takeSlot(b, q));
        }
        int bookingIndex = writes.size();
        writes.add(put(bookingItem(b), "attribute_not_exists(pk)", Map.of()));
        writes.add(put(entryItem(b), null, Map.of()));
        writes.add(put(watchItem(b), null, Map.of()));
        try {
            transact(writes);
            return Occurrence.BOOKED;
        } catch (TransactionCanceledException e) {
            if (!Transactions.onlyConditionsFailed(e)) {
                throw e;
            }
            boolean slotTaken = false;
            for (int i = 0; i < bookingIndex; i++) {
                slotTaken |= Transactions.conditionFailed(e, i);
            }
            if (!slotTaken && Transactions.conditionFailed(e, bookingIndex)) {
                return Occurrence.ALREADY_BOOKED;
            }
            throw conflict(new Cancellation(e, 0), b, slots, 0);
        }
    }

    @Override
    public List<Optional<Instant>> firstTaken(List<Booking> bookings) {
        Map<Map<String, AttributeValue>, String> holders = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Booking b : bookings) {
            b.slots().forEach(q -> keys.add(slotKey(b, q)));
        }
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                    .projectionExpression("pk, sk, bookingId").consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                BatchGetItemResponse got = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                got.responses().getOrDefault(table, List.of()).forEach(item ->
                        holders.put(Attrs.key(Attrs.str(item, "pk"), Attrs.str(item, "sk")), Attrs.str(item, "bookingId")));
                request = got.hasUnprocessedKeys() && !got.unprocessedKeys().isEmpty() ? got.unprocessedKeys() : null;
            }
        }
        List<Optional<Instant>> out = new ArrayList<>();
        for (Booking b : bookings) {
            Optional<Instant> first = Optional.empty();
            for (Instant q : b.slots()) {
                String holder = holders.get(slotKey(b, q));
                if (holder != null && !holder.equals(b.id())) {
                    first = Optional.of(q);
                    break;
                }
            }
            out.add(first);
        }
        return out;
    }

    @Override
    public Response addSeries(Series series, Optional<EmailMessage> mail, CreateRequest request, Response answer,
                              Function<String, Optional<Response>> reread) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(seriesItem(series), "attribute_not_exists(pk)", Map.of()));
        mail.ifPresent(m -> writes.add(outbox.email(m, "bookings:series:" + series.id() + ":booked")));
        return creates.create(request, "bookings", new Plan(writes, answer, series.id()),
                cancelled -> ProblemException.conflict("series-exists", "Series already booked",
                        "this series was booked before; its Idempotency-Key has expired"), reread);
    }

    @Override
    public Optional<Series> series(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(seriesKey(id))
                .consistentRead(true).build()).item();
        if (item == null || item.isEmpty() || !item.containsKey("seriesId")) {
            return Optional.empty(); // none, or only the missed counter of a series never written
        }
        AttributeValue missed = item.get("missed");
        AttributeValue ended = item.get("ended");
        return Optional.of(new Series(Attrs.str(item, "seriesId"), Attrs.str(item, "resourceId"),
                Attrs.str(item, "organiserId"), Attrs.str(item, "organiserEmail"), Attrs.str(item, "rule"),
                Attrs.strList(item, "bookingIds"), missed == null ? 0 : Integer.parseInt(missed.n()),
                ended != null && Boolean.TRUE.equals(ended.bool())));
    }

    @Override
    public boolean endSeries(Series series, Optional<EmailMessage> mail) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(seriesKey(series.id()))
                .updateExpression("SET ended = :t")
                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(ended) OR ended = :f)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":f", AttributeValue.fromBool(false)))
                .build()).build());
        mail.ifPresent(m -> writes.add(outbox.email(m, "bookings:series-ended:" + series.id())));
        try {
            transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> seriesItem(Series series) {
        Map<String, AttributeValue> item = new HashMap<>(seriesKey(series.id()));
        item.put("kind", s("SERIES"));
        item.put("seriesId", s(series.id()));
        item.put("resourceId", s(series.resourceId()));
        item.put("organiserId", s(series.organiserId()));
        item.put("organiserEmail", s(series.organiserEmail()));
        item.put("rule", s(series.rule()));
        item.put("bookingIds", Attrs.ss(series.bookingIds()));
        item.put("missed", n(series.missed()));
        item.put("ended", AttributeValue.fromBool(series.ended()));
        return item;
    }

    // ------------------------------------------------------------------ items

    static Map<String, AttributeValue> bookingItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(key(b.id()));
        item.put("kind", s("BOOKING"));
        item.put("gsi1pk", s("ORGANISER#" + b.organiserId()));
        item.put("gsi1sk", s(time(b.start()) + "#" + b.id()));
        item.put("gsi2pk", s("AGENDA#" + b.resourceId()));
        item.put("gsi2sk", s(time(b.start()) + "#" + b.id()));
        item.put("bookingId", s(b.id()));
        item.put("resourceId", s(b.resourceId()));
        item.put("resourceName", s(b.resourceName()));
        item.put("siteId", s(b.siteId()));
        item.put("zone", s(b.zone().getId()));
        item.put("organiserId", s(b.organiserId()));
        item.put("organiserEmail", s(b.organiserEmail()));
        item.put("title", s(b.title()));
        item.put("start", s(b.start().toString()));
        item.put("end", s(b.end().toString()));
        item.put("releaseAt", s(b.releaseAt().toString()));
        item.put("status", s(b.status().name()));
        b.checkedInAt().ifPresent(t -> item.put("checkedInAt", s(t.toString())));
        b.notes().ifPresent(t -> item.put("notes", s(t)));
        b.seriesId().ifPresent(t -> item.put("seriesId", s(t)));
        item.put("sequence", n(b.sequence()));
        item.put("version", n(b.version()));
        item.put("createdAt", s(b.createdAt().toString()));
        item.put("updatedAt", s(b.updatedAt().toString()));
        return item;
    }

    static Booking booking(Map<String, AttributeValue> item) {
        return new Booking(Attrs.str(item, "bookingId"), Attrs.str(item, "resourceId"), Attrs.str(item, "resourceName"),
                Attrs.str(item, "siteId"), ZoneId.of(Attrs.str(item, "zone")), Attrs.str(item, "organiserId"),
                Attrs.str(item, "organiserEmail"), Attrs.str(item, "title"), Instant.parse(Attrs.str(item, "start")),
                Instant.parse(Attrs.str(item, "end")), Instant.parse(Attrs.str(item, "releaseAt")),
                Booking.Status.valueOf(Attrs.str(item, "status")),
                Attrs.optStr(item, "checkedInAt").map(Instant::parse), Attrs.optStr(item, "notes"),
                Attrs.optStr(item, "seriesId"), (int) Attrs.num(item, "sequence"), Attrs.num(item, "version"),
                Instant.parse(Attrs.str(item, "createdAt")), Instant.parse(Attrs.str(item, "updatedAt")));
    }

    private static Map<String, AttributeValue> entryItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(entryKey(b));
        item.put("kind", s("ENTRY"));
        item.put("bookingId", s(b.id()));
        item.put("resourceId", s(b.resourceId()));
        item.put("resourceName", s(b.resourceName()));
        item.put("start", s(b.start().toString()));
        item.put("end", s(b.end().toString()));
        item.put("title", s(b.title()));
        item.put("organiserEmail", s(b.organiserEmail()));
        b.notes().ifPresent(t -> item.put("notes", s(t)));
        item.put("checkedIn", AttributeValue.fromBool(b.checkedInAt().isPresent()));
        return item;
    }

    static DayEntry entry(Map<String, AttributeValue> item) {
        AttributeValue checked = item.get("checkedIn");
        return new DayEntry(Attrs.str(item, "bookingId"), Attrs.str(item, "resourceId"), Attrs.str(item, "resourceName"),
                Instant.parse(Attrs.str(item, "start")), Instant.parse(Attrs.str(item, "end")), Attrs.str(item, "title"),
                Attrs.str(item, "organiserEmail"), Attrs.optStr(item, "notes"), checked != null && Boolean.TRUE.equals(checked.bool()));
    }

    private static Map<String, AttributeValue> watchItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(watchKey(b));
        item.put("kind", s("NOSHOW"));
        item.put("bookingId", s(b.id()));
        return item;
    }
}
