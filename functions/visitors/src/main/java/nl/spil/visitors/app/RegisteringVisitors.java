package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.retry.Retrying;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.BlockHit;
import nl.spil.visitors.domain.CheckInCode;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.Purpose;
import nl.spil.visitors.domain.Refusal;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;
import nl.spil.visitors.domain.Visitor;

/**
 * A host pre-registers their visitors (reception and the office manager anyone's), up to 50 in
 * one request, all or nothing. Each visitor gets a code unique for the site and day and an
 * invitation; the host a confirmation. A visitor the block list names waits for the office
 * manager's review (who is told why); the host sees only "pending review". A walk-in is
 * registered by reception as they arrive: no invitation, the host hears of the arrival.
 * Requests: directory 1–2 GetItem (the host; the site, remembered) + 1 BatchGetItem (settings,
 * rules, block markers) + 1 TransactWriteItems.
 */
@Singleton
public class RegisteringVisitors {

    private final Visits visits;
    private final SiteRules rules;
    private final HostDirectory hosts;
    private final Sites sites;
    private final VisitorMails mails;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RegisteringVisitors(Visits visits, SiteRules rules, HostDirectory hosts, Sites sites, VisitorMails mails,
                               Ids ids, Clock clock) {
        this.visits = visits;
        this.rules = rules;
        this.hosts = hosts;
        this.sites = sites;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the registration asks for; {@code expectedAt} empty for a walk-in (now). */
    public record Wanted(String siteId, Optional<Instant> expectedAt, int minutes, Purpose purpose,
                         Optional<String> hostId, boolean walkIn, List<WantedVisitor> visitors) {
    }

    public record WantedVisitor(String name, Optional<String> company, Optional<String> email, Optional<Language> language) {
    }

    public Response register(Caller caller, Wanted wanted, CreateRequest request, Function<List<Visit>, Response> answer,
                             Function<List<String>, Optional<Response>> reread) {
        boolean forAnyone = caller.has(Role.RECEPTION) || caller.has(Role.OFFICE_MANAGER);
        if (wanted.walkIn() && !forAnyone) {
            throw ProblemException.forbidden("only reception and the office manager register walk-ins");
        }
        Host host = host(caller, wanted.hostId(), forAnyone);
        SiteCard site = sites.byId(wanted.siteId())
                .orElseThrow(() -> ProblemException.badRequest("siteId", "is not a site of this organisation"));
        Instant now = clock.instant();
        Instant expectedAt = wanted.expectedAt().orElse(now);
        List<Visitor> visitors = wanted.visitors().stream().map(w -> new Visitor(w.name(), w.company(), w.email(),
                w.language().orElse(host.language()))).toList();
        SiteRules.Context context = rules.forRegistration(site.siteId(), visitors);
        String groupId = ids.next();
        return Retrying.onConcurrentChange(() -> {
            List<Visit> made = new ArrayList<>();
            Map<Visit, BlockEntry> held = new LinkedHashMap<>();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < visitors.size(); i++) {
                Visitor visitor = visitors.get(i);
                CheckInCode code;
                do {
                    code = CheckInCode.generate(random);
                } while (!codes.add(code.value()));
                Optional<BlockEntry> match = BlockEntry.firstMatch(context.candidates(), visitor,
                        expectedAt.atZone(site.zone()).toLocalDate());
                String id = visitors.size() == 1 ? groupId : groupId + "-" + String.format("%02d", i + 1);
                try {
                    Visit v = Visit.register(new Visit.Registration(id, groupId, site.siteId(), site.name(), site.zone(),
                            expectedAt, wanted.minutes(), wanted.purpose(), visitor, host, code, caller.id(), wanted.walkIn(),
                            context.settings().retention()), match.map(e -> new BlockHit(e.id(), now, BlockHit.Where.REGISTRATION)), now);
                    made.add(v);
                    match.ifPresent(e -> held.put(v, e));
                } catch (Refusal.Refused refused) {
                    throw Refusals.of(refused);
                }
            }
            List<OutgoingMail> out = new ArrayList<>();
            List<Visit> written = new ArrayList<>();
            for (Visit v : made) {
                Visit mailed = v;
                if (v.status() == VisitStatus.EXPECTED && !v.walkIn()) {
                    Visit first = withSequence(v);
                    Optional<OutgoingMail> invitation = mails.invitation(first, context.settings(), context.rules());
                    if (invitation.isPresent()) {
                        out.add(invitation.get());
                        mailed = first.mailed(invitation.get().dedupeKey());
                    }
                }
                BlockEntry entry = held.get(v);
                if (entry != null) {
                    for (Host manager : hosts.withRole(site.siteId(), Role.OFFICE_MANAGER.group())) {
                        OutgoingMail review = mails.reviewNeeded(manager, v, entry);
                        out.add(review);
                        mailed = mailed.mailed(review.dedupeKey());
                    }
                }
                written.add(mailed);
            }
            if (!wanted.walkIn()) {
                OutgoingMail confirmation = mails.registered(host, made);
                out.add(confirmation);
                written.replaceAll(v -> v.mailed(confirmation.dedupeKey()));
            }
            return visits.register(written, out, request, answer.apply(written),
                    joined -> reread.apply(List.of(joined.split(","))));
        });
    }

    /** The first e-mail to the visitor is number 1 of the visit's e-mails. */
    private static Visit withSequence(Visit v) {
        return new Visit(v.id(), v.groupId(), v.siteId(), v.siteName(), v.zone(), v.expectedAt(), v.minutes(), v.purpose(),
                v.visitor(), v.host(), v.status(), v.code(), v.registeredBy(), v.registeredAt(), v.walkIn(), v.acceptance(),
                v.checkedInAt(), v.checkedOutAt(), v.checkedOutBy(), v.blockHit(), v.override(), 1, v.version(),
                v.mailKeys(), v.expiresAt());
    }

    /** Staff register their own visitors; reception and the office manager name any host. */
    private Host host(Caller caller, Optional<String> hostId, boolean forAnyone) {
        Optional<Host> me = caller.email().flatMap(hosts::byEmail);
        if (hostId.isEmpty()) {
            return me.orElseThrow(() -> ProblemException.badRequest("hostId",
                    "is required: you are not in the directory, so name the host"));
        }
        if (me.isPresent() && me.get().personId().equals(hostId.get())) {
            return me.get();
        }
        if (!forAnyone) {
            throw ProblemException.forbidden("staff register visitors for themselves only");
        }
        return hosts.byId(hostId.get()).orElseThrow(() -> ProblemException.badRequest("hostId", "is not a person in the directory"));
    }
}
