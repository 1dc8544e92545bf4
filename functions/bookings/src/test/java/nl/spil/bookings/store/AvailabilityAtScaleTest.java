package nl.spil.bookings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.spil.bookings.app.Resources;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.paging.Cursors;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * GET /availability at one site of the organisation of 5,000 (docs/architecture.md, "Cost of each
 * job"): 2,000 desks and 100 rooms, and a working day's 1,333 day entries (833 desks booked
 * 09:00-17:00, every room 5 times for an hour). Held to its requests and items read: a warm function reads the catalog
 * version and the day's entries, never the site's resources, and a change made through another
 * store (another container) is seen by the very next search.
 */
class AvailabilityAtScaleTest {

    private static final FunctionUnderTest FN = FunctionUnderTest.get("BookingsFunction");
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 24); // a Wednesday
    private static final int DESKS = 2_000;
    private static final int ROOMS = 100;
    private static final int DESKS_BOOKED = 833;
    private static final int[] ROOM_HOURS = {8, 10, 12, 14, 16};

    private final SettableClock clock = (SettableClock) FN.context().getBean(Clock.class);
    private final DynamoDbClient dynamo = FN.context().getBean(DynamoDbClient.class);
    private final Resources function = FN.context().getBean(Resources.class);
    private final Ids ids = FN.context().getBean(Ids.class);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The same store class as another container of the function would have: its own memory. */
    private Resources anotherContainer() {
        return new DynamoResources(dynamo, FN.context().getBean(Settings.class), FN.context().getBean(Cursors.class),
                FN.context().getBean(IdempotentCreates.class), clock);
    }

    @Test
    void aWarmSearchReadsTheCatalogVersionAndTheDayEntriesButNotTheSitesResources() {
        String site = ids.next();
        List<Resource> desks = new ArrayList<>();
        List<Resource> rooms = new ArrayList<>();
        for (int i = 0; i < DESKS; i++) {
            desks.add(resource(site, ResourceType.DESK, String.format("Desk %d.%03d", 1 + i / 500, i % 500), 1, Set.of("monitor")));
        }
        for (int i = 0; i < ROOMS; i++) {
            rooms.add(resource(site, ResourceType.ROOM, String.format("Room %d.%02d", 1 + i / 25, i % 25), 8, Set.of("video", "whiteboard")));
        }
        // in batches: moto copies its tables for every transaction, so 2,100 adds through the store
        // would take the better part of an hour; the last one goes through the store and moves the catalog
        List<Resource> seeded = new ArrayList<>(desks);
        seeded.addAll(rooms.subList(0, ROOMS - 1));
        putAll(seeded.stream().map(ResourceItems::item).toList());
        function.add(rooms.get(ROOMS - 1), new CreateRequest("sub-office-manager", null, "seed"), x -> new Response(201, "{}", null));
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        for (int i = 0; i < DESKS_BOOKED; i++) {
            entries.add(BookingItems.entryItem(booking(desks.get(i), LocalTime.of(9, 0), LocalTime.of(17, 0), "Werkplek", Optional.empty())));
        }
        for (Resource room : rooms) {
            for (int hour : ROOM_HOURS) {
                entries.add(BookingItems.entryItem(booking(room, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0),
                        "Overleg over de planning", Optional.of("Koffie en thee voor 8"))));
            }
        }
        putAll(entries);
        int entriesRead = entries.size(); // every entry starts before the window's end (17:00)
        long resourceBytes = seeded.stream().mapToLong(r -> size(ResourceItems.item(r))).sum() + size(ResourceItems.item(rooms.get(ROOMS - 1)));
        long entryBytes = entries.stream().mapToLong(AvailabilityAtScaleTest::size).sum();
        System.out.printf("ITEM SIZES at scale (as DynamoDB counts them): %d resources %d bytes (%d each), %d entries %d bytes (%d each)%n",
                DESKS + ROOMS, resourceBytes, resourceBytes / (DESKS + ROOMS), entries.size(), entryBytes, entryBytes / entries.size());
        clock.advance(SitesInMemory.SETTLE.plusSeconds(1)); // the adds are settled: gsi1 has caught up

        HttpEvent search = search(site, 1);
        int freeDesks = DESKS - DESKS_BOOKED; // every room is booked 16:00-17:00

        Measured cold = measure(search);
        assertThat(cold.free()).hasSize(freeDesks);
        // the site's 2,100 resources are about 1 MB: 2 pages of gsi1 on moto (1,000,000 bytes a page), 1 or 2 on AWS
        assertThat(cold.usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 3L));
        assertThat(cold.usage().itemsRead()).isEqualTo(1 + DESKS + ROOMS + entriesRead);

        Measured warm = measure(search);
        assertThat(warm.free()).isEqualTo(cold.free());
        assertThat(warm.usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 1L));
        assertThat(warm.usage().itemsRead()).isEqualTo(1 + entriesRead);

        // the office manager, served by another container, removes a free desk and gives another a second seat
        Resources other = anotherContainer();
        Resource removed = desks.get(DESKS - 1);
        Resource wider = desks.get(DESKS - 2);
        other.remove(removed);
        other.replace(wider, wider.changedTo(new Resource.Details(site, AMS, ResourceType.DESK, wider.name(),
                wider.floor(), 2, wider.features(), wider.rules()), clock.instant()));

        Measured changed = measure(search);
        assertThat(changed.free()).hasSize(freeDesks - 1).doesNotContain(removed.id()).contains(wider.id());
        assertThat(changed.usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 3L));
        assertThat(changed.usage().itemsRead()).isEqualTo(1 + DESKS - 1 + ROOMS + entriesRead);
        assertThat(measure(search(site, 2)).free()).containsExactly(wider.id());

        // within SETTLE of the change gsi1 may still be behind: each search reads the site again...
        Measured settling = measure(search);
        assertThat(settling.usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 3L));
        // ...and the first one after it is kept, so the next one is warm again
        clock.advance(SitesInMemory.SETTLE);
        assertThat(measure(search).usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 3L));
        Measured warmAgain = measure(search);
        assertThat(warmAgain.free()).isEqualTo(changed.free());
        assertThat(warmAgain.usage().byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 1L));
        assertThat(warmAgain.usage().itemsRead()).isEqualTo(1 + entriesRead);

        System.out.println("REQUESTS GET /availability at " + DESKS + " desks + " + ROOMS + " rooms, " + entriesRead
                + " entries: cold " + cold.usage().byOperation() + " items " + cold.usage().itemsRead()
                + "; warm " + warm.usage().byOperation() + " items " + warm.usage().itemsRead()
                + "; after a change elsewhere " + changed.usage().byOperation() + " items " + changed.usage().itemsRead());
    }

    private record Measured(List<String> free, RequestCounter.Usage usage) {
    }

    /** 16:00-17:00 of the day at the site, any type, at least {@code seats} seats. */
    private static HttpEvent search(String site, int seats) {
        return Events.http("bookings/availability.json").queryParameter("site", site)
                .queryParameter("start", DAY + "T16:00:00+01:00").queryParameter("end", DAY + "T17:00:00+01:00")
                .queryParameter("capacity", String.valueOf(seats)).queryParameter("features", null).queryParameter("type", null);
    }

    private Measured measure(HttpEvent search) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = FN.send(search);
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> free = new ArrayList<>();
        for (JsonNode r : answer.json().path("free")) {
            free.add(r.path("id").asText());
        }
        return new Measured(free, usage);
    }

    private Resource resource(String site, ResourceType type, String name, int capacity, Set<String> features) {
        return Resource.create(ids.next(), new Resource.Details(site, AMS, type, name, name.substring(name.indexOf(' ') + 1, name.indexOf('.')),
                capacity, features, BookingRules.DEFAULT), clock.instant());
    }

    private Booking booking(Resource r, LocalTime from, LocalTime to, String title, Optional<String> notes) {
        Instant start = DAY.atTime(from).atZone(AMS).toInstant();
        Instant now = clock.instant();
        String who = UUID.randomUUID().toString();
        return new Booking(ids.next(), r.id(), r.name(), r.siteId(), AMS, who, "m.de.vries-" + who.substring(0, 4) + "@example.org",
                title, start, DAY.atTime(to).atZone(AMS).toInstant(), start.plus(Duration.ofMinutes(15)), Booking.Status.BOOKED,
                Optional.empty(), notes, Optional.empty(), 0, 1, now, now);
    }

    private void putAll(List<Map<String, AttributeValue>> items) {
        String table = FN.table("BookingsTable");
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList();
            Map<String, List<WriteRequest>> left = Map.of(table, writes);
            while (!left.isEmpty()) {
                left = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(left).build()).unprocessedItems();
            }
        }
    }

    /** An item's size as DynamoDB bills it: names and values in bytes (a number about half its digits). */
    private static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
            bytes += a.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue v = a.getValue();
            if (v.s() != null) {
                bytes += v.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                bytes += v.n().length() / 2 + 1;
            } else if (v.hasSs()) {
                bytes += v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            } else {
                bytes += 1;
            }
        }
        return bytes;
    }
}
