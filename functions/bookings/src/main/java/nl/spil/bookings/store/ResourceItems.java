package nl.spil.bookings.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.spil.bookings.domain.BookableHours;
import nl.spil.bookings.domain.BookingHorizon;
import nl.spil.bookings.domain.BookingRules;
import nl.spil.bookings.domain.CheckInWindow;
import nl.spil.bookings.domain.MaxDuration;
import nl.spil.bookings.domain.MinimumNotice;
import nl.spil.bookings.domain.Resource;
import nl.spil.bookings.domain.ResourceType;
import nl.spil.platform.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of a room or desk on the bookings table: {@code RESOURCE#<id>} / {@code RESOURCE},
 * with its rules flattened, listed on gsi1 {@code SITE#<site>#RESOURCES} by type and name.
 */
final class ResourceItems {

    private ResourceItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("RESOURCE#" + id, "RESOURCE");
    }

    static String siteKey(String siteId) {
        return "SITE#" + siteId + "#RESOURCES";
    }

    static Map<String, AttributeValue> item(Resource r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.id()));
        item.put("kind", s("RESOURCE"));
        item.put("gsi1pk", s(siteKey(r.siteId())));
        item.put("gsi1sk", s(r.type().code() + "#" + r.name().toLowerCase(Locale.ROOT) + "#" + r.id()));
        item.put("resourceId", s(r.id()));
        item.put("siteId", s(r.siteId()));
        item.put("zone", s(r.zone().getId()));
        item.put("type", s(r.type().code()));
        item.put("name", s(r.name()));
        item.put("floor", s(r.floor()));
        item.put("capacity", n(r.capacity()));
        item.put("features", Attrs.ss(r.features().stream().sorted().toList()));
        BookingRules rules = r.rules();
        item.put("maxMinutes", n(rules.maxDuration().max().toMinutes()));
        item.put("horizonDays", n(rules.horizon().ahead().toDays()));
        item.put("noticeMinutes", n(rules.notice().notice().toMinutes()));
        item.put("opens", s(rules.hours().opens().toString()));
        item.put("closes", s(rules.hours().closes().toString()));
        item.put("days", Attrs.ss(rules.hours().days().stream().sorted().map(DayOfWeek::name).toList()));
        item.put("checkInBeforeMinutes", n(rules.checkIn().before().toMinutes()));
        item.put("checkInAfterMinutes", n(rules.checkIn().after().toMinutes()));
        item.put("version", n(r.version()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        return item;
    }

    static Resource resource(Map<String, AttributeValue> item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Attrs.strList(item, "days").forEach(d -> days.add(DayOfWeek.valueOf(d)));
        BookingRules rules = new BookingRules(
                new MaxDuration(Duration.ofMinutes(Attrs.num(item, "maxMinutes"))),
                new BookingHorizon(Duration.ofDays(Attrs.num(item, "horizonDays"))),
                new MinimumNotice(Duration.ofMinutes(Attrs.num(item, "noticeMinutes"))),
                new BookableHours(LocalTime.parse(Attrs.str(item, "opens")), LocalTime.parse(Attrs.str(item, "closes")), days),
                new CheckInWindow(Duration.ofMinutes(Attrs.num(item, "checkInBeforeMinutes")),
                        Duration.ofMinutes(Attrs.num(item, "checkInAfterMinutes"))));
        return new Resource(Attrs.str(item, "resourceId"), Attrs.str(item, "siteId"), ZoneId.of(Attrs.str(item, "zone")),
                ResourceType.tryParse(Attrs.str(item, "type")).orElseThrow(), Attrs.str(item, "name"),
                Attrs.str(item, "floor"), (int) Attrs.num(item, "capacity"), Set.copyOf(Attrs.strList(item, "features")),
                rules, Attrs.num(item, "version"), Instant.parse(Attrs.str(item, "createdAt")),
                Instant.parse(Attrs.str(item, "updatedAt")));
    }
}
