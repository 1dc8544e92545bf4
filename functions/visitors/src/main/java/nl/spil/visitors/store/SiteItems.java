package nl.spil.visitors.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spil.platform.dynamo.Attrs;
import nl.spil.platform.i18n.Language;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.Retention;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visitor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of a site's settings, its house rules, and the block list with its markers. */
final class SiteItems {

    static final String BLOCK_LIST = "BLOCKLIST";

    private SiteItems() {
    }

    static Map<String, AttributeValue> settingsKey(String siteId) {
        return Attrs.key("SITE#" + siteId, "SETTINGS");
    }

    static Map<String, AttributeValue> rulesKey(String siteId) {
        return Attrs.key("SITE#" + siteId, "RULES");
    }

    static Map<String, AttributeValue> rulesVersionKey(String siteId, int version) {
        return Attrs.key("SITE#" + siteId, String.format("RULES#V#%06d", version));
    }

    static Map<String, AttributeValue> settingsItem(SiteSettings s) {
        Map<String, AttributeValue> i = new HashMap<>(settingsKey(s.siteId()));
        i.put("siteId", Attrs.s(s.siteId()));
        s.address().ifPresent(a -> i.put("address", Attrs.s(a)));
        i.put("retentionDays", Attrs.n(s.retention().days()));
        i.put("version", Attrs.n(s.version()));
        return i;
    }

    static SiteSettings settings(String siteId, Map<String, AttributeValue> i) {
        if (i == null || i.isEmpty()) {
            return SiteSettings.defaults(siteId);
        }
        return new SiteSettings(siteId, Attrs.optStr(i, "address"), new Retention((int) Attrs.num(i, "retentionDays")),
                Attrs.num(i, "version"));
    }

    static Map<String, AttributeValue> rulesItem(HouseRules r, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> i = new HashMap<>(key);
        i.put("siteId", Attrs.s(r.siteId()));
        i.put("version", Attrs.n(r.version()));
        Map<String, AttributeValue> texts = new HashMap<>();
        r.texts().forEach((lang, text) -> texts.put(lang.code(), Attrs.s(text)));
        i.put("texts", AttributeValue.fromM(texts));
        i.put("updatedAt", Attrs.s(r.updatedAt().toString()));
        i.put("updatedBy", Attrs.s(r.updatedBy()));
        return i;
    }

    static HouseRules rules(String siteId, Map<String, AttributeValue> i) {
        if (i == null || i.isEmpty()) {
            return HouseRules.none(siteId);
        }
        Map<Language, String> texts = new EnumMap<>(Language.class);
        i.get("texts").m().forEach((code, text) -> texts.put(Language.parse(code), text.s()));
        return new HouseRules(siteId, (int) Attrs.num(i, "version"), texts, Instant.parse(Attrs.str(i, "updatedAt")),
                Attrs.str(i, "updatedBy"));
    }

    static Map<String, AttributeValue> blockKey(String id) {
        return Attrs.key("BLOCK#" + id, "BLOCK");
    }

    static Map<String, AttributeValue> nameMarker(String folded) {
        return Attrs.key("BLOCKMARK#N#" + folded, "MARK");
    }

    static Map<String, AttributeValue> emailMarker(String email) {
        return Attrs.key("BLOCKMARK#E#" + email.toLowerCase(Locale.ROOT), "MARK");
    }

    /** The markers that would name these visitors, each once. */
    static List<Map<String, AttributeValue>> markerKeys(List<Visitor> visitors) {
        Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
        for (Visitor v : visitors) {
            if (!v.foldedName().isEmpty()) {
                keys.add(nameMarker(v.foldedName()));
            }
            v.email().ifPresent(e -> keys.add(emailMarker(e)));
        }
        return List.copyOf(keys);
    }

    static List<Map<String, AttributeValue>> markerKeys(BlockEntry e) {
        return e.email().isPresent() ? List.of(nameMarker(e.foldedName()), emailMarker(e.email().get()))
                : List.of(nameMarker(e.foldedName()));
    }

    static Map<String, AttributeValue> blockItem(BlockEntry e) {
        Map<String, AttributeValue> i = new HashMap<>(blockKey(e.id()));
        i.put("kind", Attrs.s("BLOCK"));
        i.put("id", Attrs.s(e.id()));
        i.put("name", Attrs.s(e.name()));
        e.email().ifPresent(m -> i.put("email", Attrs.s(m)));
        e.company().ifPresent(c -> i.put("company", Attrs.s(c)));
        i.put("reason", Attrs.s(e.reason()));
        i.put("until", Attrs.s(e.until().toString()));
        i.put("createdBy", Attrs.s(e.createdBy()));
        i.put("createdAt", Attrs.s(e.createdAt().toString()));
        i.put("gsi2pk", Attrs.s(BLOCK_LIST));
        i.put("gsi2sk", Attrs.s(e.foldedName() + "#" + e.id()));
        // TTL a week after the until-day; the daily purge removes it (and its markers) the day after
        i.put("expiresAt", Attrs.n(e.until().plusDays(8).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
        return i;
    }

    static BlockEntry block(Map<String, AttributeValue> i) {
        return new BlockEntry(Attrs.str(i, "id"), Attrs.str(i, "name"), Attrs.optStr(i, "email"), Attrs.optStr(i, "company"),
                Attrs.str(i, "reason"), LocalDate.parse(Attrs.str(i, "until")), Attrs.str(i, "createdBy"),
                Instant.parse(Attrs.str(i, "createdAt")));
    }

    static Optional<String> kind(Map<String, AttributeValue> i) {
        return Attrs.optStr(i, "sk");
    }
}
