package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.ConcurrentChange;
import nl.spil.platform.retry.Retrying;
import nl.spil.visitors.domain.CheckInCode;
import nl.spil.visitors.domain.Purpose;
import nl.spil.visitors.domain.Refusal;
import nl.spil.visitors.domain.ReviewDecision;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;

/**
 * A host (or reception, or the office manager) changes or cancels a visit, and the visitor is
 * e-mailed again; the office manager reviews a visit the block list stopped (the override is
 * recorded: who, when, why), after which the visitor is invited, or the host told it cannot go on.
 */
@Singleton
public class ChangingAVisit {

    private final Visits visits;
    private final SiteRules rules;
    private final VisitorMails mails;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ChangingAVisit(Visits visits, SiteRules rules, VisitorMails mails, Clock clock) {
        this.visits = visits;
        this.rules = rules;
        this.mails = mails;
        this.clock = clock;
    }

    /** What changes; empty fields stay. {@code version}: the visit's version the caller saw. */
    public record Change(long version, Optional<Instant> expectedAt, Optional<Integer> minutes, Optional<Purpose> purpose) {
    }

    public Visit change(Caller caller, String id, Change change) {
        return Retrying.onConcurrentChange(() -> {
            Visit before = Access.check(caller, read(id));
            if (before.version() != change.version()) {
                throw ProblemException.stale("the visit is at version " + before.version() + "; read it and change again");
            }
            SiteSettings site = rules.settings(before.siteId());
            Instant at = change.expectedAt().orElse(before.expectedAt());
            boolean otherDay = !at.atZone(before.zone()).toLocalDate().equals(before.day());
            CheckInCode code = otherDay ? CheckInCode.generate(random) : before.code();
            Visit after = decide(() -> before.change(at, change.minutes().orElse(before.minutes()),
                    change.purpose().orElse(before.purpose()), code, site.retention(), clock.instant()));
            List<OutgoingMail> out = new ArrayList<>();
            if (after.status() == VisitStatus.EXPECTED) {
                Optional<OutgoingMail> mail = mails.invitation(after, site, rules.houseRules(after.siteId()));
                if (mail.isPresent()) {
                    out.add(mail.get());
                    after = after.mailed(mail.get().dedupeKey());
                }
            }
            return saved(before, after, out);
        });
    }

    public void cancel(Caller caller, String id) {
        Retrying.onConcurrentChange(() -> {
            Visit before = Access.check(caller, read(id));
            Visit after = decide(before::cancel);
            List<OutgoingMail> out = new ArrayList<>();
            if (before.status() == VisitStatus.EXPECTED) {
                Optional<OutgoingMail> mail = mails.cancelled(after, rules.settings(before.siteId()));
                if (mail.isPresent()) {
                    out.add(mail.get());
                    after = after.mailed(mail.get().dedupeKey());
                }
            }
            return saved(before, after, out);
        });
    }

    public Visit review(Caller caller, String id, boolean approve, String why) {
        if (!caller.has(Role.OFFICE_MANAGER)) {
            throw ProblemException.forbidden("only the office manager reviews visits");
        }
        return Retrying.onConcurrentChange(() -> {
            Visit before = read(id);
            Visit after = decide(() -> before.review(new ReviewDecision(caller.id(), clock.instant(), why, approve)));
            List<OutgoingMail> out = new ArrayList<>();
            if (approve && !after.walkIn()) {
                Optional<OutgoingMail> invitation = mails.invitation(after, rules.settings(after.siteId()),
                        rules.houseRules(after.siteId()));
                if (invitation.isPresent()) {
                    out.add(invitation.get());
                    after = after.mailed(invitation.get().dedupeKey());
                }
            }
            OutgoingMail host = mails.reviewed(after);
            out.add(host);
            return saved(before, after.mailed(host.dedupeKey()), out);
        });
    }

    private Visit read(String id) {
        return visits.byId(id).orElseThrow(() -> ProblemException.notFound("visit", id));
    }

    private static Visit decide(Supplier<Visit> transition) {
        try {
            return transition.get();
        } catch (Refusal.Refused refused) {
            throw Refusals.of(refused);
        }
    }

    private Visit saved(Visit before, Visit after, List<OutgoingMail> out) {
        if (!visits.save(before, after, out)) {
            throw new ConcurrentChange();
        }
        return after;
    }
}
