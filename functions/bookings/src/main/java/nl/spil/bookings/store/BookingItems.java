package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.DayEntry;
import nl.spil.bookings.domain.Slots;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of bookings on the bookings table (docs/architecture.md, BookingsTable): the
 * booking, its slots and day entry in the partition of its site day, its no-show marker. Every
 * one of them carries the booking's {@code expiresAt} (TTL: its end plus the retention period).
 */
final class BookingItems {

    static final String ORGANISER = "ORGANISER#";
    static final String AGENDA = "AGENDA#";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private BookingItems() {
    }

    /** An instant in a key: UTC with seconds, so keys sort as text. */
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

    static AttributeValue expiresAt(Booking b) {
        return n(b.keptUntil().getEpochSecond());
    }

    static Map<String, AttributeValue> slotItem(Booking b, Instant quarter) {
        Map<String, AttributeValue> item = new HashMap<>(slotKey(b, quarter));
        item.put("kind", s("SLOT"));
        item.put("bookingId", s(b.id()));
        item.put("resourceId", s(b.resourceId()));
        item.put("expiresAt", expiresAt(b));
        return item;
    }

    static Map<String, AttributeValue> bookingItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(key(b.id()));
        item.put("kind", s("BOOKING"));
        item.put("gsi1pk", s(ORGANISER + b.organiserId()));
        item.put("gsi1sk", s(time(b.start()) + "#" + b.id()));
        item.put("gsi2pk", s(AGENDA + b.resourceId()));
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
        item.put("expiresAt", expiresAt(b));
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

    static Map<String, AttributeValue> entryItem(Booking b) {
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
        item.put("expiresAt", expiresAt(b));
        return item;
    }

    static DayEntry entry(Map<String, AttributeValue> item) {
        AttributeValue checked = item.get("checkedIn");
        return new DayEntry(Attrs.str(item, "bookingId"), Attrs.str(item, "resourceId"), Attrs.str(item, "resourceName"),
                Instant.parse(Attrs.str(item, "start")), Instant.parse(Attrs.str(item, "end")), Attrs.str(item, "title"),
                Attrs.str(item, "organiserEmail"), Attrs.optStr(item, "notes"), checked != null && Boolean.TRUE.equals(checked.bool()));
    }

    static Map<String, AttributeValue> watchItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(watchKey(b));
        item.put("kind", s("NOSHOW"));
        item.put("bookingId", s(b.id()));
        item.put("expiresAt", expiresAt(b));
        return item;
    }
}
