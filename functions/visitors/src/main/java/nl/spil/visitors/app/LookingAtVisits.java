package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.text.Names;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.print.Badges;

/**
 * Reception's day (the visits expected at a site on a day, one Query, also by a name prefix that
 * ignores case and accents), a host's own visitors, one visit, its badge, who is on site now (the
 * evacuation list, one Query on the sparse index), the visits held for review, and the directory
 * search a walk-in picks a host from.
 */
@Singleton
public class LookingAtVisits {

    private final Visits visits;
    private final Sites sites;
    private final HostDirectory hosts;
    private final Clock clock;

    public LookingAtVisits(Visits visits, Sites sites, HostDirectory hosts, Clock clock) {
        this.visits = visits;
        this.sites = sites;
        this.hosts = hosts;
        this.clock = clock;
    }

    public Visit byId(Caller caller, String id) {
        return Access.check(caller, visits.byId(id).orElseThrow(() -> ProblemException.notFound("visit", id)));
    }

    public byte[] badge(Caller caller, String id) {
        return Badges.pdf(byId(caller, id));
    }

    /** The day asked for, or today at the site; staff see their own visitors only. */
    public record Day(SiteCard site, LocalDate day, Page<Visit> visits) {
    }

    public Day day(Caller caller, String siteId, Optional<LocalDate> date, Optional<String> namePrefix, PageRequest page) {
        SiteCard site = site(siteId);
        LocalDate day = date.orElseGet(() -> clock.instant().atZone(site.zone()).toLocalDate());
        Optional<String> prefix = namePrefix.map(Names::fold).filter(p -> !p.isEmpty());
        Optional<String> hostEmail = Access.isDesk(caller) ? Optional.empty()
                : Optional.of(caller.email().orElseThrow(() -> ProblemException.forbidden("your token carries no e-mail")));
        return new Day(site, day, visits.ofDay(siteId, day, prefix, hostEmail, page));
    }

    /**
     * The caller's own visitors from today (each visit's day at its site) on, by arrival: where a
     * host sees who is coming and who has arrived. Someone not in the directory hosts nobody.
     */
    public List<Visit> mine(Caller caller) {
        Optional<Host> me = caller.email().flatMap(hosts::byEmail);
        if (me.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // a day back covers every zone's today; visits of an earlier local day are dropped
        return visits.upcomingOfHost(me.get().personId(), now.minus(Duration.ofDays(1))).stream()
                .filter(v -> !v.day().isBefore(now.atZone(v.zone()).toLocalDate()))
                .toList();
    }

    /** The site's visits the block list held, for the office manager to approve or refuse. */
    public List<Visit> needingReview(String siteId) {
        site(siteId);
        return visits.needingReview(siteId);
    }

    public List<Visit> onSite(String siteId) {
        return visits.onSite(siteId);
    }

    public ZoneId zone(String siteId) {
        return site(siteId).zone();
    }

    public List<Host> hosts(String siteId, String text, int limit) {
        site(siteId);
        return hosts.search(siteId, text, limit);
    }

    private SiteCard site(String siteId) {
        return sites.byId(siteId).orElseThrow(() -> ProblemException.notFound("site", siteId));
    }
}
