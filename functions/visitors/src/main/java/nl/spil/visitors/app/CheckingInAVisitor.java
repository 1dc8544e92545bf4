package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.platform.retry.Retrying;
import nl.spil.visitors.domain.Acceptance;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.BlockHit;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.Refusal;
import nl.spil.visitors.domain.Visit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor checks in at the kiosk with their code, or reception checks them in at the desk,
 * having accepted the site's current house rules. The host's arrival e-mail and the day's
 * counters go in the same transaction as the check-in, which is conditional on the visit being
 * unchanged, on the accepted rules being the current ones, and on no block-list marker naming the
 * visitor (unless the office manager let them in). Two receptionists at once: one transaction
 * commits, the other finds the visit checked in (409), and one e-mail goes.
 * Requests by code: 1 BatchGetItem (code, lock-out) + 1 GetItem (visit) + 1 TransactWriteItems.
 */
@Singleton
@SuppressWarnings("unchecked")
public class CheckingInAVisitor {

    /** Ids only: a visitor's name, e-mail or company never reaches a log line. */
    private static final Logger LOG = LoggerFactory.getLogger(CheckingInAVisitor.class);

    private final Visits visits;
    private final SiteRules rules;
    private final HostDirectory hosts;
    private final VisitorMails mails;
    private final Clock clock;
    private final Outcomes outcomes;

    public CheckingInAVisitor(Visits visits, SiteRules rules, HostDirectory hosts, VisitorMails mails, Clock clock,
                              Outcomes outcomes) {
        this.visits = visits;
        this.rules = rules;
        this.hosts = hosts;
        this.mails = mails;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** What the visitor accepted: the rules' version they were shown, and the name they typed. */
    public record Accepted(int version, String typedName) {
    }

    public Visit byCode(String siteId, String typedCode, Accepted accepted) {
        Visit visit = VisitByCode.find(visits, siteId, typedCode, clock.instant());
        return checkIn(visit.id(), Optional.of(visit), accepted);
    }

    public Visit atDesk(Caller caller, String visitId, Accepted accepted) {
        if (!caller.has(Role.RECEPTION) && !caller.has(Role.OFFICE_MANAGER)) {
            throw ProblemException.forbidden("reception checks visitors in");
        }
        return checkIn(visitId, Optional.empty(), accepted);
    }

    /** {@code read}: the visit as just read (the first attempt needs no second read). */
    private Visit checkIn(String visitId, Optional<Visit> read, Accepted accepted) {
        boolean[] guard = {true};
        Optional<Visit>[] fresh = new Optional[] {read};
        Visit checkedIn = Retrying.onConcurrentChange(() -> {
            Visit before = fresh[0].or(() -> visits.byId(visitId)).orElseThrow(() -> ProblemException.notFound("visit", visitId));
            fresh[0] = Optional.empty();
            Instant now = clock.instant();
            Visit after;
            try {
                after = before.checkIn(new Acceptance(accepted.version(), now, accepted.typedName()), accepted.version(), now);
            } catch (Refusal.Refused refused) {
                throw Refusals.of(refused);
            }
            OutgoingMail arrival = mails.arrived(after);
            Visit mailed = after.mailed(arrival.dedupeKey());
            switch (visits.checkIn(before, mailed, guard[0] && !before.overridden(), List.of(arrival))) {
                case DONE:
                    return mailed;
                case RULES_NOT_CURRENT:
                    throw ProblemException.unprocessable("house-rules-not-accepted", "House rules not accepted",
                            "the site's house rules changed; show the current version and ask again");
                case BLOCK_MARKED:
                    Optional<BlockEntry> match = BlockEntry.firstMatch(rules.blockCandidates(List.of(before.visitor())),
                            before.visitor(), before.day());
                    if (match.isEmpty()) {
                        guard[0] = false; // only an ended entry's marker: check in without it
                        throw new ConcurrentChange();
                    }
                    LOG.info("check-in of visit {} refused: block-list entry {}; reception and office manager alerted",
                            before.id(), match.get().id());
                    refuseAndAlert(before, match.get(), now);
                    throw Refusals.seeReception();
                default:
                    throw new ConcurrentChange();
            }
        });
        outcomes.record(Outcome.VISITOR_CHECKED_IN);
        return checkedIn;
    }

    /** The block list names the visitor at check-in: the hit is recorded, reception and the office manager are told. */
    private void refuseAndAlert(Visit visit, BlockEntry entry, Instant now) {
        Visit hit = visit.hit(new BlockHit(entry.id(), now, BlockHit.Where.CHECK_IN));
        List<OutgoingMail> alerts = new ArrayList<>();
        List<Host> told = new ArrayList<>(hosts.withRole(visit.siteId(), Role.RECEPTION.group()));
        hosts.withRole(visit.siteId(), Role.OFFICE_MANAGER.group()).stream()
                .filter(m -> told.stream().noneMatch(t -> t.personId().equals(m.personId()))).forEach(told::add);
        for (Host person : told) {
            OutgoingMail alert = mails.blockAlert(person, hit, entry);
            alerts.add(alert);
            hit = hit.mailed(alert.dedupeKey());
        }
        visits.save(visit, hit, alerts); // a concurrent change already recorded it or made it moot
    }
}
