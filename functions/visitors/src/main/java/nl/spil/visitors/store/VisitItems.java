package nl.spil.visitors.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.visitors.domain.Acceptance;
import nl.spil.visitors.domain.BlockHit;
import nl.spil.visitors.domain.CheckInCode;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.Purpose;
import nl.spil.visitors.domain.ReviewDecision;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;
import nl.spil.visitors.domain.Visitor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The visit item and its index keys (docs/architecture.md, VisitorsTable). Instants in keys are
 * UTC text that sorts; every visit carries TTL {@code expiresAt} (epoch seconds).
 */
final class VisitItems {

    static final String ON_SITE = "gsi1";
    /** The same sparse index under another key: a visit is never held and on site at once. */
    static final String HELD = "gsi1";
    static final String BY_DAY = "gsi2";
    static final String BY_HOST = "gsi3";
    static final String BY_VISITOR = "gsi4";
    static final String BY_EXPIRY = "gsi5";

    private VisitItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Attrs.key("VISIT#" + id, "VISIT");
    }

    static String dayPk(String siteId, LocalDate day) {
        return "DAY#" + siteId + "#" + day;
    }

    static String onSitePk(String siteId) {
        return "ONSITE#" + siteId;
    }

    /** Held visits of a site await the office manager's review (gsi1, sparse like the on-site list). */
    static String reviewPk(String siteId) {
        return "REVIEW#" + siteId;
    }

    static String hostPk(String personId) {
        return "HOST#" + personId;
    }

    static String visitorPk(String email) {
        return "VISITOR#" + email.toLowerCase(Locale.ROOT);
    }

    static String expiryPk(LocalDate utcDay) {
        return "PURGE#" + utcDay;
    }

    static Map<String, AttributeValue> toItem(Visit v) {
        Map<String, AttributeValue> i = new HashMap<>(key(v.id()));
        i.put("kind", s("VISIT"));
        i.put("id", s(v.id()));
        i.put("groupId", s(v.groupId()));
        i.put("siteId", s(v.siteId()));
        i.put("siteName", s(v.siteName()));
        i.put("zone", s(v.zone().getId()));
        i.put("expectedAt", s(v.expectedAt().toString()));
        i.put("day", s(v.day().toString()));
        i.put("minutes", Attrs.n(v.minutes()));
        i.put("purpose", s(v.purpose().word()));
        i.put("name", s(v.visitor().name()));
        v.visitor().company().ifPresent(c -> i.put("company", s(c)));
        v.visitor().email().ifPresent(e -> i.put("email", s(e)));
        i.put("language", s(v.visitor().language().code()));
        i.put("hostId", s(v.host().personId()));
        i.put("hostName", s(v.host().name()));
        i.put("hostEmail", s(v.host().email().toLowerCase(Locale.ROOT)));
        i.put("hostLanguage", s(v.host().language().code()));
        v.host().department().ifPresent(d -> i.put("hostDepartment", s(d)));
        i.put("status", s(v.status().word()));
        i.put("code", s(v.code().value()));
        i.put("registeredBy", s(v.registeredBy()));
        i.put("registeredAt", s(v.registeredAt().toString()));
        i.put("walkIn", AttributeValue.fromBool(v.walkIn()));
        v.acceptance().ifPresent(a -> {
            i.put("acceptedVersion", Attrs.n(a.version()));
            i.put("acceptedAt", s(a.acceptedAt().toString()));
            i.put("acceptedName", s(a.typedName()));
        });
        v.checkedInAt().ifPresent(t -> i.put("checkedInAt", s(t.toString())));
        v.checkedOutAt().ifPresent(t -> i.put("checkedOutAt", s(t.toString())));
        v.checkedOutBy().ifPresent(b -> i.put("checkedOutBy", s(b)));
        v.blockHit().ifPresent(h -> {
            i.put("hitEntry", s(h.entryId()));
            i.put("hitAt", s(h.at().toString()));
            i.put("hitWhere", s(h.where().name()));
        });
        v.override().ifPresent(o -> {
            i.put("reviewBy", s(o.by()));
            i.put("reviewAt", s(o.at().toString()));
            i.put("reviewWhy", s(o.why()));
            i.put("reviewApproved", AttributeValue.fromBool(o.approved()));
        });
        i.put("sequence", Attrs.n(v.sequence()));
        i.put("version", Attrs.n(v.version()));
        if (!v.mailKeys().isEmpty()) {
            i.put("mailKeys", AttributeValue.fromSs(v.mailKeys().stream().toList()));
        }
        i.put("expiresAt", Attrs.n(v.expiresAt().getEpochSecond()));
        if (v.isOnSite()) {
            i.put("gsi1pk", s(onSitePk(v.siteId())));
            i.put("gsi1sk", s(v.day() + "#" + v.checkedInAt().orElseThrow() + "#" + v.id()));
        } else if (v.status() == VisitStatus.NEEDS_REVIEW) {
            i.put("gsi1pk", s(reviewPk(v.siteId())));
            i.put("gsi1sk", s(v.expectedAt() + "#" + v.id()));
        }
        i.put("searchName", s(" " + v.visitor().foldedName())); // each word's start follows a space
        i.put("gsi2pk", s(dayPk(v.siteId(), v.day())));
        i.put("gsi2sk", s(v.visitor().foldedName() + "#" + v.id()));
        i.put("gsi3pk", s(hostPk(v.host().personId())));
        i.put("gsi3sk", s(v.expectedAt() + "#" + v.id()));
        v.visitor().email().ifPresent(e -> {
            i.put("gsi4pk", s(visitorPk(e)));
            i.put("gsi4sk", s(v.expectedAt() + "#" + v.id()));
        });
        i.put("gsi5pk", s(expiryPk(LocalDate.ofInstant(v.expiresAt(), ZoneOffset.UTC))));
        i.put("gsi5sk", s(v.id()));
        return i;
    }

    static Visit fromItem(Map<String, AttributeValue> i) {
        Visitor visitor = new Visitor(str(i, "name"), opt(i, "company"), opt(i, "email"), Language.parse(str(i, "language")));
        Host host = new Host(str(i, "hostId"), str(i, "hostName"), str(i, "hostEmail"), Language.parse(str(i, "hostLanguage")),
                opt(i, "hostDepartment"));
        Optional<Acceptance> acceptance = opt(i, "acceptedAt").map(at -> new Acceptance((int) Attrs.num(i, "acceptedVersion"),
                Instant.parse(at), str(i, "acceptedName")));
        Optional<BlockHit> hit = opt(i, "hitEntry").map(e -> new BlockHit(e, Instant.parse(str(i, "hitAt")),
                BlockHit.Where.valueOf(str(i, "hitWhere"))));
        Optional<ReviewDecision> review = opt(i, "reviewBy").map(b -> new ReviewDecision(b, Instant.parse(str(i, "reviewAt")),
                str(i, "reviewWhy"), Boolean.TRUE.equals(i.get("reviewApproved").bool())));
        Set<String> keys = i.containsKey("mailKeys") ? new HashSet<>(i.get("mailKeys").ss()) : Set.of();
        return new Visit(str(i, "id"), str(i, "groupId"), str(i, "siteId"), str(i, "siteName"), ZoneId.of(str(i, "zone")),
                Instant.parse(str(i, "expectedAt")), (int) Attrs.num(i, "minutes"), Purpose.tryParse(str(i, "purpose")).orElseThrow(),
                visitor, host, VisitStatus.tryParse(str(i, "status")).orElseThrow(), new CheckInCode(str(i, "code")),
                str(i, "registeredBy"), Instant.parse(str(i, "registeredAt")), Boolean.TRUE.equals(i.get("walkIn").bool()),
                acceptance, opt(i, "checkedInAt").map(Instant::parse), opt(i, "checkedOutAt").map(Instant::parse),
                opt(i, "checkedOutBy"), hit, review, (int) Attrs.num(i, "sequence"), Attrs.num(i, "version"), keys,
                Instant.ofEpochSecond(Attrs.num(i, "expiresAt")));
    }

    private static AttributeValue s(String v) {
        return Attrs.s(v);
    }

    private static String str(Map<String, AttributeValue> i, String name) {
        return Attrs.str(i, name);
    }

    private static Optional<String> opt(Map<String, AttributeValue> i, String name) {
        return Attrs.optStr(i, name);
    }
}
