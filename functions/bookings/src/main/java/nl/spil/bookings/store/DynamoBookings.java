package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.bookings.app.BookingMails;
import nl.spil.bookings.app.Bookings;
import nl.spil.bookings.app.Refusals;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.ChangedMeanwhile;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.Cancellation;
import nl.spil.platform.dynamo.Transactions;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates;
import nl.spil.platform.idempotency.IdempotentCreates.Plan;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.outbox.Outbox;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Bookings on the bookings table (docs/architecture.md, BookingsTable; the item layout is
 * {@link BookingItems}). The lock against double booking is one slot item per resource and
 * quarter hour, in the partition of the site day, put with {@code attribute_not_exists(pk)} in
 * the same TransactWriteItems as the booking: of two overlapping bookings at least one slot is
 * the same item, so exactly one transaction commits. The same partition keeps one entry per
 * active booking, which availability and the day overview read.
 */
@Singleton
public class DynamoBookings implements Bookings {

    private final String table;
    private final BookingReads reads;
    private final BookingWrites writes;
    private final IdempotentCreates creates;
    private final Outbox outbox;

    public DynamoBookings(DynamoDbClient dynamo, Settings settings, Cursors cursors, IdempotentCreates creates,
                          Outbox outbox) {
        this.table = settings.tableName();
        this.reads = new BookingReads(dynamo, table, cursors);
        this.writes = new BookingWrites(dynamo, table);
        this.creates = creates;
        this.outbox = outbox;
    }

    // ------------------------------------------------------------------ reads (BookingReads)

    @Override
    public Optional<Booking> byId(String id) {
        return reads.byId(id);
    }

    @Override
    public Page<Booking> ofOrganiser(String organiserId, Instant from, Instant to, PageRequest page) {
        return reads.list("gsi1", BookingItems.ORGANISER + organiserId, from, to, page);
    }

    @Override
    public Page<Booking> ofResource(String resourceId, Instant from, Instant to, PageRequest page) {
        return reads.list("gsi2", BookingItems.AGENDA + resourceId, from, to, page);
    }

    @Override
    public List<Booking> allOfOrganiser(String organiserId) {
        return reads.allOfOrganiser(organiserId);
    }

    @Override
    public List<DayEntry> dayEntries(String siteId, LocalDate day, Instant until) {
        return reads.dayEntries(siteId, day, until);
    }

    @Override
    public List<String> dueForRelease(Instant tick) {
        return reads.dueForRelease(tick);
    }

    @Override
    public List<Optional<Instant>> firstTaken(List<Booking> bookings) {
        return reads.firstTaken(bookings);
    }

    // ------------------------------------------------------------------ writes

    /** Slots first (their indices are the slots'), then the booking, its entry and its no-show marker. */
    private List<TransactWriteItem> newBooking(Booking b) {
        List<TransactWriteItem> out = new ArrayList<>();
        b.slots().forEach(q -> out.add(writes.takeSlot(b, q)));
        out.add(writes.put(BookingItems.bookingItem(b), "attribute_not_exists(pk)", Map.of(), Map.of()));
        out.add(writes.put(BookingItems.entryItem(b)));
        out.add(writes.put(BookingItems.watchItem(b)));
        return out;
    }

    @Override
    public Response book(Booking b, Optional<EmailMessage> mail, CreateRequest request, Function<Booking, Response> answer) {
        List<TransactWriteItem> all = newBooking(b);
        mail.ifPresent(m -> all.add(outbox.email(m, BookingMails.dedupeKey(b))));
        return creates.create(request, "bookings", new Plan(all, answer.apply(b), b.id()),
                cancelled -> BookingWrites.slotTaken(cancelled, b, b.slots()).map(Refusals::problem)
                        .orElseGet(() -> ProblemException.conflict("booking-exists", "Booking id in use", "send the request again")),
                id -> byId(id).map(answer));
    }

    @Override
    public Occurrence bookOccurrence(Booking b) {
        List<Instant> slots = b.slots();
        try {
            writes.transact(newBooking(b));
            return Occurrence.BOOKED;
        } catch (TransactionCanceledException e) {
            if (!Transactions.onlyConditionsFailed(e)) {
                throw e;
            }
            BookingWrites.slotTaken(new Cancellation(e, 0), b, slots).ifPresent(taken -> {
                throw new Refused(taken);
            });
            return Occurrence.ALREADY_BOOKED; // only the booking's own condition failed: a retried series
        }
    }

    @Override
    public void reschedule(Booking current, Booking changed, Optional<EmailMessage> mail) {
        Map<Map<String, AttributeValue>, Instant> oldSlots = new LinkedHashMap<>();
        current.slots().forEach(q -> oldSlots.put(BookingItems.slotKey(current, q), q));
        boolean moved = !current.resourceId().equals(changed.resourceId());
        List<Instant> taken = new ArrayList<>();
        List<TransactWriteItem> all = new ArrayList<>();
        for (Instant q : changed.slots()) {
            // a quarter it keeps is left as it is (its expiry follows the old end, at most hours apart)
            if (oldSlots.remove(BookingItems.slotKey(changed, q)) == null || moved) {
                taken.add(q);
                all.add(writes.takeSlot(changed, q));
            }
        }
        int bookingIndex = all.size();
        all.add(writes.put(BookingItems.bookingItem(changed), "version = :v", Map.of(), Map.of(":v", n(current.version()))));
        oldSlots.keySet().forEach(k -> all.add(writes.freeSlot(k, current.id())));
        if (!BookingItems.entryKey(current).equals(BookingItems.entryKey(changed))) {
            all.add(writes.delete(BookingItems.entryKey(current)));
        }
        all.add(writes.put(BookingItems.entryItem(changed)));
        if (current.checkedInAt().isEmpty()) {
            if (!BookingItems.watchKey(current).equals(BookingItems.watchKey(changed))) {
                all.add(writes.delete(BookingItems.watchKey(current)));
            }
            all.add(writes.put(BookingItems.watchItem(changed)));
        }
        mail.ifPresent(m -> all.add(outbox.email(m, BookingMails.dedupeKey(changed))));
        try {
            writes.transact(all);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, bookingIndex)) {
                throw new Refused(ChangedMeanwhile.since("booking", current.id()));
            }
            if (Transactions.onlyConditionsFailed(e)) {
                throw new Refused(BookingWrites.slotTaken(new Cancellation(e, 0), changed, taken)
                        .orElseThrow(() -> e));
            }
            throw e;
        }
    }

    @Override
    public void cancel(Booking current, Booking cancelled, Optional<EmailMessage> mail) {
        List<TransactWriteItem> all = freeing(current, cancelled, "version = :v", Map.of(), Map.of(":v", n(current.version())));
        mail.ifPresent(m -> all.add(outbox.email(m, BookingMails.dedupeKey(cancelled))));
        transactOrStale(all, current);
    }

    @Override
    public boolean release(Booking current, Booking released, Optional<EmailMessage> mail) {
        List<TransactWriteItem> all = freeing(current, released,
                "version = :v AND #status = :booked AND attribute_not_exists(checkedInAt)", Map.of("#status", "status"),
                Map.of(":v", n(current.version()), ":booked", s(Booking.Status.BOOKED.name())));
        // no condition on the series: an occurrence whose series write never happened (a crash before it) is still released
        current.seriesId().ifPresent(series -> all.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table).key(SeriesItems.key(series)).updateExpression("ADD missed :one")
                .expressionAttributeValues(Map.of(":one", n(1))).build()).build()));
        mail.ifPresent(m -> all.add(outbox.email(m, BookingMails.dedupeKey(released))));
        try {
            writes.transact(all);
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
        transactOrStale(new ArrayList<>(List.of(
                writes.put(BookingItems.bookingItem(checkedIn), "version = :v AND attribute_not_exists(checkedInAt)",
                        Map.of(), Map.of(":v", n(current.version()))),
                writes.put(BookingItems.entryItem(checkedIn)),
                writes.delete(BookingItems.watchKey(current)))), current);
    }

    @Override
    public void forget(Booking current, Booking forgotten) {
        List<TransactWriteItem> all = new ArrayList<>();
        all.add(writes.put(BookingItems.bookingItem(forgotten), "version = :v", Map.of(), Map.of(":v", n(current.version()))));
        if (forgotten.isActive()) {
            all.add(writes.put(BookingItems.entryItem(forgotten))); // the day overview of a past day shows no name either
        }
        transactOrStale(all, current);
    }

    /** The booking (under a condition) with its slots, entry and no-show marker freed. */
    private List<TransactWriteItem> freeing(Booking current, Booking next, String condition, Map<String, String> names,
                                            Map<String, AttributeValue> values) {
        List<TransactWriteItem> all = new ArrayList<>();
        all.add(writes.put(BookingItems.bookingItem(next), condition, names, values));
        current.slots().forEach(q -> all.add(writes.freeSlot(BookingItems.slotKey(current, q), current.id())));
        all.add(writes.delete(BookingItems.entryKey(current)));
        all.add(writes.delete(BookingItems.watchKey(current)));
        return all;
    }

    private void transactOrStale(List<TransactWriteItem> all, Booking current) {
        try {
            writes.transact(all);
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyConditionsFailed(e)) {
                throw new Refused(ChangedMeanwhile.since("booking", current.id()));
            }
            throw e;
        }
    }
}
