package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.platform.retry.Retrying;
import nl.spil.visitors.domain.DayEnd;
import nl.spil.visitors.domain.Refusal;
import nl.spil.visitors.domain.Visit;

/**
 * A visitor leaves: checked out by reception, by their host, or at the kiosk with their code; and
 * everyone still on site is signed out when their site's day ends (the hourly schedule acts on
 * the sites whose day has ended in their own zone; a second run of the same tick finds nobody
 * left). The minutes on site go to the day's counters in the same transaction.
 */
@Singleton
public class CheckingOutAVisitor {

    public static final String DAY_END = "day-end";
    private final Visits visits;
    private final Sites sites;
    private final Clock clock;

    public CheckingOutAVisitor(Visits visits, Sites sites, Clock clock) {
        this.visits = visits;
        this.sites = sites;
        this.clock = clock;
    }

    public Visit byId(Caller caller, String visitId) {
        return checkOut(visitId, Optional.empty(), caller, caller.id());
    }

    public Visit byCode(Caller caller, String siteId, String typedCode) {
        Visit found = VisitByCode.find(visits, siteId, typedCode, clock.instant());
        return checkOut(found.id(), Optional.of(found), null, caller.id());
    }

    /** What one tick of the day-end schedule did. */
    public record DayEndReport(int sitesEnded, int signedOut) {
    }

    public DayEndReport signOutAtDayEnd(Instant tick) {
        int sitesEnded = 0;
        int signedOut = 0;
        for (SiteCard site : sites.all()) {
            LocalDate ended = DayEnd.lastEndedDay(tick, site.zone(), site.closes());
            List<Visit> left = visits.onSiteThrough(site.siteId(), ended);
            if (!left.isEmpty()) {
                sitesEnded++;
            }
            for (Visit v : left) {
                try {
                    checkOut(v.id(), Optional.of(v), null, DAY_END);
                    signedOut++;
                } catch (ProblemException gone) {
                    // checked out meanwhile: nothing to do
                }
            }
        }
        return new DayEndReport(sitesEnded, signedOut);
    }

    @SuppressWarnings("unchecked")
    private Visit checkOut(String visitId, Optional<Visit> read, Caller caller, String by) {
        Optional<Visit>[] fresh = new Optional[] {read};
        return Retrying.onConcurrentChange(() -> {
            Visit before = fresh[0].or(() -> visits.byId(visitId)).orElseThrow(() -> ProblemException.notFound("visit", visitId));
            fresh[0] = Optional.empty();
            if (caller != null) {
                Access.check(caller, before);
            }
            Visit after;
            try {
                after = before.checkOut(by, clock.instant());
            } catch (Refusal.Refused refused) {
                throw Refusals.of(refused);
            }
            if (!visits.save(before, after, List.of())) {
                throw new ConcurrentChange();
            }
            return after;
        });
    }
}
