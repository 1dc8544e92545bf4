package nl.spil.visitors.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.time.Times;
import nl.spil.visitors.app.Access;
import nl.spil.visitors.app.ProtectingPrivacy;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.DayCounts;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;

/** The JSON the visitors function answers with. Times carry the site's offset. */
final class Views {

    private Views() {
    }

    @Serdeable
    record VisitorView(String name, String company, String email, String language) {
    }

    @Serdeable
    record HostView(String id, String name) {
    }

    @Serdeable
    record AcceptanceView(int version, String acceptedAt, String typedName) {
    }

    @Serdeable
    record ReviewView(String by, String at, String why, boolean approved) {
    }

    /**
     * A visit. A host sees a held visit only as {@code pending-review}; who matched the block list
     * and the office manager's review are the office manager's to see.
     */
    @Serdeable
    record VisitView(String id, String groupId, String siteId, String siteName, String timeZone, String expectedAt,
                     int minutes, String purpose, VisitorView visitor, HostView host, String status, boolean walkIn,
                     String checkInCode, String checkedInAt, String checkedOutAt, AcceptanceView houseRulesAccepted,
                     Boolean blockListMatch, ReviewView review, long version) {

        static VisitView of(Visit v, Caller caller) {
            boolean manager = caller.has(Role.OFFICE_MANAGER);
            boolean desk = Access.isDesk(caller);
            String status = v.status() == VisitStatus.NEEDS_REVIEW && !desk ? "pending-review" : v.status().word();
            return new VisitView(v.id(), v.groupId(), v.siteId(), v.siteName(), v.zone().getId(),
                    Times.text(v.expectedAt(), v.zone()), v.minutes(), v.purpose().word(),
                    new VisitorView(v.visitor().name(), v.visitor().company().orElse(null), v.visitor().email().orElse(null),
                            v.visitor().language().code()),
                    new HostView(v.host().personId(), v.host().name()), status, v.walkIn(), v.code().grouped(),
                    v.checkedInAt().map(t -> Times.text(t, v.zone())).orElse(null),
                    v.checkedOutAt().map(t -> Times.text(t, v.zone())).orElse(null),
                    v.acceptance().map(a -> new AcceptanceView(a.version(), Times.text(a.acceptedAt(), v.zone()), a.typedName()))
                            .orElse(null),
                    manager ? v.blockHit().isPresent() : null,
                    manager ? v.override().map(o -> new ReviewView(o.by(), Times.text(o.at(), v.zone()), o.why(), o.approved()))
                            .orElse(null) : null,
                    v.version());
        }
    }

    @Serdeable
    record VisitsView(List<VisitView> items) {
    }

    @Serdeable
    record DayView(String siteId, String date, String timeZone, List<VisitView> items, String nextCursor) {
    }

    @Serdeable
    record OnSiteVisitorView(String visitId, String name, String company, HostView host, String arrivedAt) {
    }

    /** The evacuation list: who is on site now, with their host and arrival time. */
    @Serdeable
    record OnSiteView(String siteId, String timeZone, String at, int count, List<OnSiteVisitorView> visitors) {
    }

    static OnSiteVisitorView onSite(Visit v) {
        return new OnSiteVisitorView(v.id(), v.visitor().name(), v.visitor().company().orElse(null),
                new HostView(v.host().personId(), v.host().name()), Times.text(v.checkedInAt().orElseThrow(), v.zone()));
    }

    @Serdeable
    record HostsView(List<HostSuggestion> items) {
    }

    @Serdeable
    record HostSuggestion(String id, String name, String department) {
        static HostSuggestion of(Host h) {
            return new HostSuggestion(h.personId(), h.name(), h.department().orElse(null));
        }
    }

    @Serdeable
    record HouseRulesView(String siteId, int version, Map<String, String> texts, String updatedAt) {
        static HouseRulesView of(HouseRules r) {
            Map<String, String> texts = new TreeMap<>();
            r.texts().forEach((lang, text) -> texts.put(lang.code(), text));
            return new HouseRulesView(r.siteId(), r.version(), texts, r.exists() ? Times.text(r.updatedAt()) : null);
        }
    }

    @Serdeable
    record SettingsView(String siteId, String address, int retentionDays, long version) {
        static SettingsView of(SiteSettings s) {
            return new SettingsView(s.siteId(), s.address().orElse(null), s.retention().days(), s.version());
        }
    }

    @Serdeable
    record BlockEntryView(String id, String name, String email, String company, String reason, String until, String createdAt) {
        static BlockEntryView of(BlockEntry e) {
            return new BlockEntryView(e.id(), e.name(), e.email().orElse(null), e.company().orElse(null), e.reason(),
                    e.until().toString(), Times.text(e.createdAt()));
        }
    }

    @Serdeable
    record BlockListView(List<BlockEntryView> items) {
    }

    @Serdeable
    record ReceiptView(String receiptId, String erasedAt, int visits, int blockListHits, int outboxItems, int s3Objects) {
        static ReceiptView of(ProtectingPrivacy.Receipt r) {
            return new ReceiptView(r.id(), Times.text(r.erasedAt()), r.visits(), r.blockListHits(), r.outboxItems(), r.s3Objects());
        }
    }

    @Serdeable
    record ExportView(String email, String exportedAt, List<VisitView> visits) {
    }

    @Serdeable
    record DayCountsView(String date, long registered, long arrived, Map<String, Long> byHour, Map<String, Long> byPurpose,
                         Map<String, Long> byDepartment, long minutesOnSite) {
        static DayCountsView of(DayCounts d) {
            Map<String, Long> hours = new TreeMap<>();
            d.byHour().forEach((h, n) -> hours.put(String.format("%02d", h), n));
            return new DayCountsView(d.day().toString(), d.registered(), d.arrived(), hours, new TreeMap<>(d.byPurpose()),
                    new TreeMap<>(d.byDepartment()), d.minutesOnSite());
        }
    }

    @Serdeable
    record ReportView(String siteId, String from, String to, long registered, long arrived, List<DayCountsView> days) {
    }
}
