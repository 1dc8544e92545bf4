package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The reads of {@link DynamoBookings}: by id, the lists by organiser and resource, a site day, the no-show markers. */
final class BookingReads {

    private static final long LAST_SECOND = 253402300799L; // 9999-12-31T23:59:59Z
    private final DynamoDbClient dynamo;
    private final String table;
    private final Cursors cursors;

    BookingReads(DynamoDbClient dynamo, String table, Cursors cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    Optional<Booking> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(BookingItems.key(id)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BookingItems.booking(item));
    }

    /** One page of an index partition in [from, to]; the cursor is bound to the partition and both bounds. */
    Page<Booking> list(String index, String partition, Instant from, Instant to, PageRequest page) {
        String lower = BookingItems.time(from);
        String upper = BookingItems.time(to);
        String scope = index + "|" + partition + "|" + lower + "|" + upper;
        QueryResponse result = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :p AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", index + "pk", "#sk", index + "sk"))
                .expressionAttributeValues(Map.of(":p", s(partition), ":from", s(lower), ":to", s(upper)))
                .limit(page.limit())
                .exclusiveStartKey(cursors.decode(scope, page.cursor()))
                .build());
        return new Page<>(result.items().stream().map(BookingItems::booking).toList(),
                cursors.encode(scope, result.lastEvaluatedKey()));
    }

    List<Booking> allOfOrganiser(String organiserId) {
        List<Booking> out = new ArrayList<>();
        queryAll(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(BookingItems.ORGANISER + organiserId))),
                item -> out.add(BookingItems.booking(item)));
        return out;
    }

    List<DayEntry> dayEntries(String siteId, LocalDate day, Instant until) {
        String upper = until.getEpochSecond() > LAST_SECOND ? "ENTRY#~" : "ENTRY#" + BookingItems.time(until);
        List<DayEntry> out = new ArrayList<>();
        queryAll(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", s(BookingItems.dayPk(siteId, day)), ":a", s("ENTRY#"), ":b", s(upper))),
                item -> out.add(BookingItems.entry(item)));
        return out;
    }

    List<String> dueForRelease(Instant tick) {
        // markers are partitioned by the UTC day of their deadline: today's and yesterday's cover any tick
        Set<String> ids = new LinkedHashSet<>();
        LocalDate today = tick.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            queryAll(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND sk <= :t")
                    .expressionAttributeValues(Map.of(":p", s("NOSHOW#" + day), ":t", s(BookingItems.time(tick) + "#~")))
                    .consistentRead(true), item -> ids.add(Attrs.str(item, "bookingId")));
        }
        return List.copyOf(ids);
    }

    /** For each booking, the first of its slots another booking holds (BatchGetItem of 100 keys each; read, not locked). */
    List<Optional<Instant>> firstTaken(List<Booking> bookings) {
        Map<Map<String, AttributeValue>, String> holders = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        bookings.forEach(b -> b.slots().forEach(q -> keys.add(BookingItems.slotKey(b, q))));
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
            out.add(b.slots().stream().filter(q -> {
                String holder = holders.get(BookingItems.slotKey(b, q));
                return holder != null && !holder.equals(b.id());
            }).findFirst());
        }
        return out;
    }

    private void queryAll(QueryRequest.Builder query, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
