package nl.spil.mailroom.store;

import static nl.spil.platform.dynamo.Attrs.n;
import static nl.spil.platform.dynamo.Attrs.s;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.mailroom.domain.Address;
import nl.spil.mailroom.domain.Carrier;
import nl.spil.mailroom.domain.Forwarding;
import nl.spil.mailroom.domain.HandOut;
import nl.spil.mailroom.domain.MailDetails;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.MailKind;
import nl.spil.mailroom.domain.MailStatus;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.Returned;
import nl.spil.mailroom.domain.Scan;
import nl.spil.mailroom.domain.ScanType;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.text.Names;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mail items on the mail table (docs/architecture.md, MailTable). An item carries the keys of
 * the lists it is on, and only those: the shelf view (gsi1, while on a shelf), its recipient's
 * list (gsi2: waiting under W#, done under D#), the forwarding list or the purge queue (gsi3).
 * Leaving a list removes its keys in the same write, so no list reads what left it.
 */
final class MailItemItems {

    static final String SHELF = "SHELF#";
    static final String TO = "TO#";
    static final String DEPARTMENT = "DEPT#";
    static final String FORWARD = "FORWARD#";
    static final String PURGE = "PURGE";
    static final String WAITING = "W#";
    static final String DONE = "D#";
    /** The table's TTL removes an item this long after its keeping time, should the purge not run. */
    static final Duration TTL_MARGIN = Duration.ofDays(7);
    /** Instants in keys: fixed width, so they sort as text. */
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private MailItemItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("MAIL#" + id, "MAIL");
    }

    static String time(Instant instant) {
        return KEY_TIME.format(instant);
    }

    static String personList(String personId) {
        return TO + personId;
    }

    static String departmentList(String siteId, String department) {
        return DEPARTMENT + siteId + "#" + Names.fold(department);
    }

    static Map<String, AttributeValue> item(MailItem m) {
        Map<String, AttributeValue> item = new HashMap<>(key(m.id()));
        item.put("kind", s("MAIL"));
        item.put("id", s(m.id()));
        item.put("batchId", s(m.batchId()));
        item.put("siteId", s(m.siteId()));
        item.put("zone", s(m.zone().getId()));
        MailDetails d = m.details();
        item.put("mailKind", s(d.kind().code()));
        item.put("carrier", s(d.carrier().code()));
        d.trackingNumber().ifPresent(v -> item.put("trackingNumber", s(v)));
        d.sender().ifPresent(v -> item.put("sender", s(v)));
        item.put("count", n(d.count()));
        d.notes().ifPresent(v -> item.put("notes", s(v)));
        if (m.recipient() instanceof Recipient.Person p) {
            item.put("recipientType", s("person"));
            item.put("recipientId", s(p.personId()));
            item.put("recipientName", s(p.name()));
        } else if (m.recipient() instanceof Recipient.Department dep) {
            item.put("recipientType", s("department"));
            item.put("recipientName", s(dep.name()));
        } else {
            item.put("recipientType", s("left"));
        }
        item.put("shelf", s(m.shelf()));
        item.put("receivedAt", s(m.receivedAt().toString()));
        item.put("loggedAt", s(m.loggedAt().toString()));
        item.put("loggedBy", s(m.loggedBy()));
        item.put("pickupCode", s(m.pickupCode()));
        item.put("notified", Attrs.ss(m.notified()));
        item.put("status", s(m.status().code()));
        item.put("scanState", s(m.scan().state().name()));
        if (m.scan().type() != null) {
            item.put("scanType", s(m.scan().type().mediaType()));
            item.put("scanBytes", n(m.scan().bytes()));
        }
        item.put("wrongCodes", n(m.wrongCodes()));
        item.put("locked", AttributeValue.fromBool(m.locked()));
        item.put("remindedLevel", n(m.remindedLevel()));
        item.put("returnListed", AttributeValue.fromBool(m.returnListed()));
        m.handOut().ifPresent(h -> item.put("handOut", AttributeValue.fromM(handOut(h))));
        m.forwarding().ifPresent(f -> item.put("forwarding", AttributeValue.fromM(forwarding(f))));
        m.returned().ifPresent(r -> item.put("returned", AttributeValue.fromM(returned(r))));
        m.keepUntil().ifPresent(k -> item.put("keepUntil", s(k.toString())));
        item.put("version", n(m.version()));
        lists(m, item);
        return item;
    }

    /** The list keys an item carries in its state. */
    private static void lists(MailItem m, Map<String, AttributeValue> item) {
        if (m.status().onShelf()) {
            item.put("gsi1pk", s(SHELF + m.siteId()));
            item.put("gsi1sk", s(Names.fold(m.shelf()) + "#" + time(m.receivedAt()) + "#" + m.id()));
        }
        String recipientList = m.recipient() instanceof Recipient.Person p ? personList(p.personId())
                : m.recipient() instanceof Recipient.Department d ? departmentList(m.siteId(), d.name()) : null;
        if (recipientList != null) {
            item.put("gsi2pk", s(recipientList));
            item.put("gsi2sk", s(m.status().onShelf() ? WAITING + time(m.receivedAt()) + "#" + m.id()
                    : DONE + time(m.doneAt().orElse(m.loggedAt())) + "#" + m.id()));
        }
        if (m.status() == MailStatus.FORWARD_REQUESTED) {
            item.put("gsi3pk", s(FORWARD + m.siteId()));
            item.put("gsi3sk", s(time(m.forwarding().orElseThrow().requestedAt()) + "#" + m.id()));
        } else if (m.keepUntil().isPresent() && !m.status().onShelf()) {
            item.put("gsi3pk", s(PURGE));
            item.put("gsi3sk", s(time(m.keepUntil().get()) + "#" + m.id()));
            item.put("expiresAt", n(m.keepUntil().get().plus(TTL_MARGIN).getEpochSecond()));
        }
    }

    static MailItem mailItem(Map<String, AttributeValue> i) {
        MailDetails details = new MailDetails(MailKind.parse(Attrs.str(i, "mailKind")).orElseThrow(),
                Carrier.parse(Attrs.str(i, "carrier")).orElseThrow(), Attrs.optStr(i, "trackingNumber"),
                Attrs.optStr(i, "sender"), (int) Attrs.num(i, "count"), Attrs.optStr(i, "notes"));
        Recipient recipient = switch (Attrs.str(i, "recipientType")) {
            case "person" -> new Recipient.Person(Attrs.str(i, "recipientId"), Attrs.str(i, "recipientName"));
            case "department" -> new Recipient.Department(Attrs.str(i, "recipientName"));
            default -> new Recipient.Left();
        };
        Scan.State state = Scan.State.valueOf(Attrs.str(i, "scanState"));
        Scan scan = state == Scan.State.NONE ? Scan.NONE : new Scan(state,
                ScanType.ofMediaType(Attrs.str(i, "scanType")).orElseThrow(), Attrs.num(i, "scanBytes"));
        return new MailItem(Attrs.str(i, "id"), Attrs.str(i, "batchId"), Attrs.str(i, "siteId"), ZoneId.of(Attrs.str(i, "zone")),
                details, recipient, Attrs.str(i, "shelf"), Instant.parse(Attrs.str(i, "receivedAt")),
                Instant.parse(Attrs.str(i, "loggedAt")), Attrs.str(i, "loggedBy"), Attrs.str(i, "pickupCode"),
                Attrs.strList(i, "notified"), MailStatus.fromCode(Attrs.str(i, "status")), scan,
                (int) Attrs.num(i, "wrongCodes"), bool(i, "locked"), (int) Attrs.num(i, "remindedLevel"),
                bool(i, "returnListed"), map(i, "handOut").map(MailItemItems::handOut),
                map(i, "forwarding").map(MailItemItems::forwarding), map(i, "returned").map(MailItemItems::returned),
                Attrs.optStr(i, "keepUntil").map(Instant::parse), Attrs.num(i, "version"));
    }

    private static Map<String, AttributeValue> handOut(HandOut h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("at", s(h.at().toString()));
        m.put("collectorId", s(h.collectorId()));
        m.put("collectorName", s(h.collectorName()));
        m.put("byDelegate", AttributeValue.fromBool(h.byDelegate()));
        m.put("receptionistId", s(h.receptionistId()));
        m.put("receptionistName", s(h.receptionistName()));
        m.put("check", s(h.check().code()));
        return m;
    }

    private static HandOut handOut(Map<String, AttributeValue> m) {
        return new HandOut(Instant.parse(Attrs.str(m, "at")), Attrs.str(m, "collectorId"), Attrs.str(m, "collectorName"),
                bool(m, "byDelegate"), Attrs.str(m, "receptionistId"), Attrs.str(m, "receptionistName"),
                HandOut.Check.fromCode(Attrs.str(m, "check")));
    }

    private static Map<String, AttributeValue> forwarding(Forwarding f) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("requestedAt", s(f.requestedAt().toString()));
        m.put("toHome", AttributeValue.fromBool(f.toHome()));
        f.address().ifPresent(a -> {
            Map<String, AttributeValue> address = new HashMap<>();
            address.put("line1", s(a.line1()));
            a.line2().ifPresent(v -> address.put("line2", s(v)));
            address.put("postalCode", s(a.postalCode()));
            address.put("city", s(a.city()));
            address.put("country", s(a.country()));
            m.put("address", AttributeValue.fromM(address));
        });
        f.forwardedAt().ifPresent(v -> m.put("forwardedAt", s(v.toString())));
        f.carrier().ifPresent(v -> m.put("carrier", s(v.code())));
        f.trackingNumber().ifPresent(v -> m.put("trackingNumber", s(v)));
        f.forwardedBy().ifPresent(v -> m.put("forwardedBy", s(v)));
        return m;
    }

    private static Forwarding forwarding(Map<String, AttributeValue> m) {
        Optional<Address> address = map(m, "address").map(a -> new Address(Attrs.str(a, "line1"), Attrs.optStr(a, "line2"),
                Attrs.str(a, "postalCode"), Attrs.str(a, "city"), Attrs.str(a, "country")));
        return new Forwarding(Instant.parse(Attrs.str(m, "requestedAt")), bool(m, "toHome"), address,
                Attrs.optStr(m, "forwardedAt").map(Instant::parse), Attrs.optStr(m, "carrier").flatMap(Carrier::parse),
                Attrs.optStr(m, "trackingNumber"), Attrs.optStr(m, "forwardedBy"));
    }

    private static Map<String, AttributeValue> returned(Returned r) {
        return Map.of("at", s(r.at().toString()), "by", s(r.by()), "carrier", s(r.carrier().code()),
                "trackingNumber", s(r.trackingNumber()));
    }

    private static Returned returned(Map<String, AttributeValue> m) {
        return new Returned(Instant.parse(Attrs.str(m, "at")), Attrs.str(m, "by"), Carrier.parse(Attrs.str(m, "carrier")).orElseThrow(),
                Attrs.str(m, "trackingNumber"));
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static Optional<Map<String, AttributeValue>> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? Optional.empty() : Optional.of(v.m());
    }

    static List<String> ids(List<MailItem> items) {
        return items.stream().map(MailItem::id).toList();
    }
}
