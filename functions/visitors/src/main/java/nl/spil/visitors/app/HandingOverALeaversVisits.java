package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.platform.identity.Role;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.Visit;

/**
 * Someone left the organisation ({@code PersonLeft}): their visits still to come are handed to
 * their site's office manager, who becomes the host and is told in one e-mail (chosen over
 * cancelling, because the visitor usually still comes for the organisation, and only a person can
 * judge that). Run twice for the same event, it finds nothing left to hand over. Visits at a site
 * without an office manager are left as they are.
 */
@Singleton
public class HandingOverALeaversVisits {

    private final Visits visits;
    private final HostDirectory hosts;
    private final VisitorMails mails;
    private final Clock clock;

    public HandingOverALeaversVisits(Visits visits, HostDirectory hosts, VisitorMails mails, Clock clock) {
        this.visits = visits;
        this.hosts = hosts;
        this.mails = mails;
        this.clock = clock;
    }

    /** Answers how many visits were handed over. */
    public int handOver(String leaverId) {
        Map<String, List<Visit>> byManager = new LinkedHashMap<>();
        Map<String, Host> managers = new LinkedHashMap<>();
        List<Visit[]> changes = new ArrayList<>();
        for (Visit v : visits.upcomingOfHost(leaverId, clock.instant().minus(Duration.ofDays(1)))) {
            if (!v.isUpcoming()) {
                continue;
            }
            Optional<Host> manager = hosts.withRole(v.siteId(), Role.OFFICE_MANAGER.group()).stream()
                    .filter(m -> !m.personId().equals(leaverId)).findFirst();
            if (manager.isEmpty()) {
                continue;
            }
            managers.put(manager.get().personId(), manager.get());
            Visit after = v.handTo(manager.get());
            changes.add(new Visit[] {v, after});
            byManager.computeIfAbsent(manager.get().personId(), k -> new ArrayList<>()).add(after);
        }
        int handed = 0;
        for (int i = 0; i < changes.size(); i++) {
            Visit before = changes.get(i)[0];
            Visit after = changes.get(i)[1];
            List<Visit> ofManager = byManager.get(after.host().personId());
            boolean last = ofManager.get(ofManager.size() - 1) == after;
            List<OutgoingMail> out = new ArrayList<>();
            OutgoingMail told = mails.handedOver(managers.get(after.host().personId()), leaverId, ofManager);
            if (last) {
                out.add(told); // one e-mail per manager, with the last of their visits
            }
            after = after.mailed(told.dedupeKey()); // every visit it names can find it for erasure
            if (visits.save(before, after, out)) {
                handed++;
            }
        }
        return handed;
    }
}
