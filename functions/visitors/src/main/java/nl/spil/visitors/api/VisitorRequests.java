package nl.spil.visitors.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.visitors.app.ChangingAVisit;
import nl.spil.visitors.app.CheckingInAVisitor;
import nl.spil.visitors.app.RegisteringVisitors;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.Purpose;
import nl.spil.visitors.domain.Retention;
import nl.spil.visitors.domain.Visit;

/** Request bodies of the visitors routes, read strictly: every bad field named in one 400. */
final class VisitorRequests {

    static final int NAME = 120;
    static final int COMPANY = 120;

    private VisitorRequests() {
    }

    static RegisteringVisitors.Wanted registration(String body) {
        JsonFields f = JsonBody.parse(body, 256 * 1024).only("siteId", "expectedAt", "minutes", "purpose", "hostId", "walkIn",
                "visitors");
        String siteId = f.text("siteId", 128);
        boolean walkIn = f.optionalBoolean("walkIn").orElse(false);
        Optional<Instant> expectedAt = Optional.empty();
        if (!walkIn || f.has("expectedAt")) {
            OffsetDateTime at = f.instant("expectedAt");
            expectedAt = Optional.ofNullable(at).map(OffsetDateTime::toInstant);
        }
        Long minutes = f.optionalInteger("minutes", 1, Visit.MAX_MINUTES).orElse(60L);
        Purpose purpose = f.oneOf("purpose", Purpose::tryParse, Purpose.WORDS, false);
        Optional<String> hostId = f.optionalText("hostId", 128);
        if (!f.has("visitors")) {
            f.error("visitors", "is required: a list of 1 to " + Visit.MAX_GROUP + " visitors");
        }
        List<JsonFields> list = f.objectList("visitors", Visit.MAX_GROUP);
        if (f.has("visitors") && list.isEmpty() && f.valid()) {
            f.error("visitors", "must name at least one visitor");
        }
        List<RegisteringVisitors.WantedVisitor> visitors = new ArrayList<>();
        for (JsonFields v : list) {
            v.only("name", "company", "email", "language");
            String name = v.text("name", NAME);
            Optional<String> company = v.optionalText("company", COMPANY);
            Optional<String> email = v.optionalEmail("email");
            Language language = v.oneOf("language", Language::tryParse, "nl or en", false);
            visitors.add(new RegisteringVisitors.WantedVisitor(name, company, email, Optional.ofNullable(language)));
        }
        f.done();
        return new RegisteringVisitors.Wanted(siteId, expectedAt, minutes.intValue(),
                purpose == null ? Purpose.MEETING : purpose, hostId, walkIn, visitors);
    }

    static ChangingAVisit.Change change(String body) {
        JsonFields f = JsonBody.parse(body).only("version", "expectedAt", "minutes", "purpose");
        Long version = f.integer("version", 1, Long.MAX_VALUE);
        Optional<Instant> at = f.has("expectedAt") ? Optional.ofNullable(f.instant("expectedAt")).map(OffsetDateTime::toInstant)
                : Optional.empty();
        Optional<Integer> minutes = f.optionalInteger("minutes", 1, Visit.MAX_MINUTES).map(Long::intValue);
        Optional<Purpose> purpose = Optional.ofNullable(f.oneOf("purpose", Purpose::tryParse, Purpose.WORDS, false));
        f.done();
        return new ChangingAVisit.Change(version, at, minutes, purpose);
    }

    /** The house rules a visitor accepted: {@code {"houseRules": {"version": 3, "typedName": "..."}}}. */
    static CheckingInAVisitor.Accepted acceptance(JsonFields f) {
        Optional<JsonFields> rules = f.optionalObject("houseRules");
        if (rules.isEmpty()) {
            f.error("houseRules", "is required: the version of the house rules the visitor accepted and the name they typed");
            return null;
        }
        JsonFields r = rules.get().only("version", "typedName");
        Long version = r.integer("version", 0, Integer.MAX_VALUE);
        String typed = r.text("typedName", NAME);
        return version == null || typed == null ? null : new CheckingInAVisitor.Accepted(version.intValue(), typed);
    }

    record ByCode(String siteId, String code, CheckingInAVisitor.Accepted accepted) {
    }

    static ByCode byCode(String body, boolean withAcceptance) {
        JsonFields f = JsonBody.parse(body, 4096);
        f.only(withAcceptance ? List.of("siteId", "code", "houseRules") : List.of("siteId", "code"));
        String siteId = f.text("siteId", 128);
        String code = f.text("code", 32);
        CheckingInAVisitor.Accepted accepted = withAcceptance ? acceptance(f) : null;
        f.done();
        return new ByCode(siteId, code, accepted);
    }

    static CheckingInAVisitor.Accepted atDesk(String body) {
        JsonFields f = JsonBody.parse(body, 4096).only("houseRules");
        CheckingInAVisitor.Accepted accepted = acceptance(f);
        f.done();
        return accepted;
    }

    record Review(boolean approve, String why) {
    }

    static Review review(String body) {
        JsonFields f = JsonBody.parse(body, 4096).only("decision", "reason");
        String decision = f.oneOf("decision", d -> d.equals("approve") || d.equals("refuse") ? Optional.of(d) : Optional.empty(),
                "approve or refuse", true);
        String reason = f.text("reason", 500);
        f.done();
        return new Review("approve".equals(decision), reason);
    }

    record RulesWrite(int version, Map<Language, String> texts) {
    }

    static RulesWrite houseRules(String body) {
        JsonFields f = JsonBody.parse(body, 128 * 1024).only("version", "texts");
        Long version = f.integer("version", 0, Integer.MAX_VALUE);
        Map<Language, String> texts = new EnumMap<>(Language.class);
        Optional<JsonFields> t = f.optionalObject("texts");
        if (t.isEmpty()) {
            f.error("texts", "is required: the text per language, {\"nl\": \"...\", \"en\": \"...\"}");
        } else {
            t.get().only("nl", "en");
            t.get().optionalMultiline("nl", HouseRules.MAX_TEXT).filter(s -> !s.isBlank()).ifPresent(s -> texts.put(Language.NL, s));
            t.get().optionalMultiline("en", HouseRules.MAX_TEXT).filter(s -> !s.isBlank()).ifPresent(s -> texts.put(Language.EN, s));
            if (texts.isEmpty() && f.valid()) {
                f.error("texts", "must give the text in nl, en or both");
            }
        }
        f.done();
        return new RulesWrite(version.intValue(), texts);
    }

    record SettingsWrite(long version, Optional<String> address, Optional<Integer> retentionDays) {
    }

    static SettingsWrite settings(String body) {
        JsonFields f = JsonBody.parse(body, 8192).only("version", "address", "retentionDays");
        Long version = f.integer("version", 0, Long.MAX_VALUE);
        Optional<String> address = f.optionalMultiline("address", 500).filter(s -> !s.isBlank());
        Optional<Integer> days = f.optionalInteger("retentionDays", Retention.MIN, Retention.MAX).map(Long::intValue);
        f.done();
        return new SettingsWrite(version, address, days);
    }

    record BlockWrite(String name, Optional<String> email, Optional<String> company, String reason, LocalDate until) {
    }

    static BlockWrite blockEntry(String body) {
        JsonFields f = JsonBody.parse(body, 8192).only("name", "email", "company", "reason", "until");
        String name = f.text("name", NAME);
        Optional<String> email = f.optionalEmail("email");
        Optional<String> company = f.optionalText("company", COMPANY);
        String reason = f.text("reason", 500);
        if (!f.has("until")) {
            f.error("until", "is required: the last day the entry applies");
        }
        Optional<LocalDate> until = f.optionalDate("until");
        f.done();
        return new BlockWrite(name, email, company, reason, until.orElseThrow());
    }

    record Erasure(Optional<String> email, Optional<String> visitId) {
    }

    static Erasure erasure(String body) {
        JsonFields f = JsonBody.parse(body, 4096).only("email", "visitId");
        Optional<String> email = f.optionalEmail("email");
        Optional<String> visitId = f.optionalText("visitId", 128);
        if (!f.has("email") && !f.has("visitId")) {
            f.error("email", "give the visitor's e-mail address or a visitId");
        }
        visitId.ifPresent(id -> {
            if (!id.matches("[A-Za-z0-9._~-]+")) {
                f.error("visitId", "is not an id");
            }
        });
        f.done();
        return new Erasure(email, visitId);
    }
}
