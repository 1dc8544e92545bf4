package nl.spil.mailroom.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.spil.mailroom.app.LoggingMail.NewItem;
import nl.spil.mailroom.app.LoggingMail.ScanRequest;
import nl.spil.mailroom.app.LoggingMail;
import nl.spil.mailroom.domain.Address;
import nl.spil.mailroom.domain.Carrier;
import nl.spil.mailroom.domain.MailDetails;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.MailKind;
import nl.spil.mailroom.domain.ScanType;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.problem.ProblemException;

/** Reads the mailroom's request bodies, naming every bad field. */
final class MailRequests {

    static final List<String> LOG_FIELDS = List.of("siteId", "items");
    static final List<String> ITEM_FIELDS = List.of("kind", "carrier", "trackingNumber", "sender", "recipient", "shelf",
            "count", "notes", "receivedAt", "scan");
    static final List<String> RECIPIENT_FIELDS = List.of("personId", "department");
    static final List<String> SCAN_FIELDS = List.of("contentType", "bytes");
    static final List<String> PICKUP_FIELDS = List.of("code", "identityChecked", "collectorId");
    static final List<String> FORWARD_FIELDS = List.of("to", "address");
    static final List<String> ADDRESS_FIELDS = List.of("line1", "line2", "postalCode", "city", "country");
    static final List<String> SENT_FIELDS = List.of("carrier", "trackingNumber");
    static final List<String> SETTINGS_FIELDS = List.of("firstReminderDays", "secondReminderDays", "returnAfterDays", "keepDays");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    static final String KINDS = "letter, registered-letter, parcel or pallet";
    static final String CARRIERS = "postnl, dhl, dpd, ups, gls or other";

    private MailRequests() {
    }

    /** The items of a logging request. */
    static List<NewItem> items(JsonFields body) {
        List<JsonFields> raw = body.objectList("items", LoggingMail.MAX_ITEMS);
        if (raw.isEmpty() && body.valid()) {
            body.error("items", "must list 1 to " + LoggingMail.MAX_ITEMS + " items");
        }
        List<NewItem> out = new ArrayList<>();
        for (JsonFields f : raw) {
            f.only(ITEM_FIELDS);
            MailKind kind = f.oneOf("kind", MailKind::parse, KINDS, true);
            Carrier carrier = f.oneOf("carrier", Carrier::parse, CARRIERS, true);
            Optional<String> tracking = f.optionalText("trackingNumber", 60);
            Optional<String> sender = f.optionalText("sender", 200);
            String shelf = f.text("shelf", 20);
            long count = f.optionalInteger("count", 1, MailDetails.MAX_COUNT).orElse(1L);
            Optional<String> notes = f.optionalMultiline("notes", 500);
            Optional<Instant> receivedAt = f.has("receivedAt") ? Optional.ofNullable(f.instant("receivedAt")).map(t -> t.toInstant())
                    : Optional.empty();
            Optional<String> personId = Optional.empty();
            Optional<String> department = Optional.empty();
            Optional<JsonFields> recipient = f.optionalObject("recipient");
            if (recipient.isEmpty()) {
                f.error("recipient", "is required: {\"personId\": …} or {\"department\": …}");
            } else {
                JsonFields r = recipient.get().only(RECIPIENT_FIELDS);
                personId = r.optionalText("personId", 128);
                department = r.optionalText("department", 64);
                if (personId.isPresent() == department.isPresent()) {
                    r.error("personId", "give either a personId or a department");
                }
                personId.filter(id -> !ID.matcher(id).matches()).ifPresent(id -> r.error("personId", "is not an id"));
            }
            Optional<ScanRequest> scan = f.optionalObject("scan").map(s -> {
                s.only(SCAN_FIELDS);
                ScanType type = s.oneOf("contentType", ScanType::ofMediaType, "image/jpeg, image/png or application/pdf", true);
                Long bytes = s.integer("bytes", 1, ScanType.MAX_BYTES);
                return type == null || bytes == null ? null : new ScanRequest(type, bytes);
            });
            if (kind == null || carrier == null || shelf == null) {
                continue;
            }
            MailDetails details = new MailDetails(kind, carrier, tracking, sender, (int) count, notes);
            details.problem().ifPresent(p -> f.error(p[0], p[1]));
            out.add(new NewItem(details, personId, department, shelf, receivedAt, scan));
        }
        return out;
    }

    /** A pickup: {@code {"code": "123456"}} or {@code {"identityChecked": true}}, perhaps with a collectorId. */
    record Pickup(Optional<String> code, Optional<String> collectorId) {
    }

    static Pickup pickup(JsonFields f) {
        f.only(PICKUP_FIELDS);
        Optional<String> code = f.optionalText("code", 16);
        boolean identity = f.optionalBoolean("identityChecked").orElse(false);
        Optional<String> collector = f.optionalText("collectorId", 128);
        if (code.isPresent() == identity) {
            f.error("code", "give the pickup code, or \"identityChecked\": true when you checked the signed-in recipient in person");
        }
        code.filter(c -> !MailItem.isWellFormedCode(c))
                .ifPresent(c -> f.error("code", "must be the 6 digits of the pickup code"));
        collector.filter(id -> !ID.matcher(id).matches()).ifPresent(id -> f.error("collectorId", "is not an id"));
        f.done();
        return new Pickup(code, collector);
    }

    /** A forwarding request: to the home address the directory has, or to another address for this item. */
    static Optional<Address> forwardTo(JsonFields f) {
        f.only(FORWARD_FIELDS);
        String to = f.oneOf("to", v -> v.equals("home") || v.equals("address") ? Optional.of(v) : Optional.empty(),
                "home or address", true);
        Optional<JsonFields> raw = f.optionalObject("address");
        Optional<Address> address = Optional.empty();
        if ("address".equals(to) && raw.isEmpty()) {
            f.error("address", "is required when to is address");
        } else if ("home".equals(to) && raw.isPresent()) {
            f.error("address", "is not given when to is home (the directory's home address is used)");
        } else if (raw.isPresent()) {
            JsonFields a = raw.get().only(ADDRESS_FIELDS);
            String line1 = a.text("line1", 120);
            Optional<String> line2 = a.optionalText("line2", 120);
            String postalCode = a.text("postalCode", 16);
            String city = a.text("city", 80);
            String country = a.text("country", 2);
            if (country != null && !COUNTRY.matcher(country).matches()) {
                a.error("country", "must be an ISO 3166 code of two capital letters, such as NL");
            }
            if (line1 != null && postalCode != null && city != null && country != null) {
                address = Optional.of(new Address(line1, line2, postalCode, city, country));
            }
        }
        f.done();
        return address;
    }

    /** How an item went out (forwarded or returned): the carrier and its tracking number. */
    record Sent(Carrier carrier, String trackingNumber) {
    }

    static Sent sent(JsonFields f) {
        f.only(SENT_FIELDS);
        Carrier carrier = f.oneOf("carrier", Carrier::parse, CARRIERS, true);
        String tracking = f.text("trackingNumber", 60);
        String normalized = tracking == null ? null : Carrier.normalize(tracking);
        if (carrier != null && normalized != null && !carrier.accepts(normalized)) {
            f.error("trackingNumber", "is not a " + carrier.label() + " tracking number: " + carrier.format());
        }
        f.done();
        return new Sent(carrier, normalized);
    }

    static SiteSettings settings(JsonFields f) {
        f.only(SETTINGS_FIELDS);
        Long first = f.integer("firstReminderDays", 1, SiteSettings.MAX_DAYS);
        Long second = f.integer("secondReminderDays", 1, SiteSettings.MAX_DAYS);
        Long back = f.integer("returnAfterDays", 1, SiteSettings.MAX_DAYS);
        Long keep = f.integer("keepDays", 1, SiteSettings.MAX_DAYS);
        f.done();
        SiteSettings s = new SiteSettings(first.intValue(), second.intValue(), back.intValue(), keep.intValue());
        s.problem().ifPresent(p -> {
            throw ProblemException.badRequest(p[0], p[1]);
        });
        return s;
    }

    static String site(String siteId) {
        if (siteId == null || siteId.isBlank()) {
            throw ProblemException.badRequest("site", "is required");
        }
        if (!ID.matcher(siteId.trim()).matches()) {
            throw ProblemException.badRequest("site", "is not a site id");
        }
        return siteId.trim();
    }
}
