package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.problem.ProblemException;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.Visit;
import org.slf4j.LoggerFactory;

/**
 * A visitor's rights and the retention: erasure (by e-mail or visit id) removes the visits, the
 * block-list hits recorded on them and every e-mail naming them, sent or not, and answers with a
 * receipt; export answers everything held about an e-mail address; the daily purge removes what
 * is past retention and TTL has not removed yet, and block-list entries past their day. The day
 * counters stay: they hold no personal data. The visitors function keeps no files in S3.
 */
@Singleton
public class ProtectingPrivacy {

    private final Visits visits;
    private final SiteRules rules;
    private final Ids ids;
    private final Clock clock;

    public ProtectingPrivacy(Visits visits, SiteRules rules, Ids ids, Clock clock) {
        this.visits = visits;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    /** What an erasure removed (counts only: the receipt itself names nobody). */
    public record Receipt(String id, Instant erasedAt, int visits, int blockListHits, int outboxItems, int s3Objects) {
    }

    public Receipt erase(Optional<String> email, Optional<String> visitId) {
        List<Visit> found = new ArrayList<>();
        email.ifPresent(e -> found.addAll(visits.ofVisitorEmail(e)));
        visitId.flatMap(visits::byId).filter(v -> found.stream().noneMatch(f -> f.id().equals(v.id()))).ifPresent(found::add);
        if (visitId.isPresent() && email.isEmpty() && found.isEmpty()) {
            throw ProblemException.notFound("visit", visitId.get());
        }
        int outbox = 0;
        int hits = 0;
        for (Visit v : found) {
            outbox += visits.erase(v);
            hits += v.blockHit().isPresent() ? 1 : 0;
        }
        Receipt receipt = new Receipt(ids.next(), clock.instant(), found.size(), hits, outbox, 0);
        LoggerFactory.getLogger(ProtectingPrivacy.class).info("erasure {}: {} visits, {} block-list hits, {} e-mails removed",
                receipt.id(), receipt.visits(), receipt.blockListHits(), receipt.outboxItems());
        return receipt;
    }

    public List<Visit> export(String email) {
        return visits.ofVisitorEmail(email);
    }

    /** What one purge removed. */
    public record Purge(int visits, int blockListEntries) {
    }

    public Purge purge(Instant tick) {
        int gone = 0;
        for (Visit v : visits.expired(tick)) {
            visits.erase(v);
            gone++;
        }
        int entries = 0;
        for (BlockEntry e : rules.blockEntriesEndedBefore(LocalDate.ofInstant(tick, ZoneOffset.UTC).minusDays(1))) {
            rules.removeFromBlockList(e);
            entries++;
        }
        return new Purge(gone, entries);
    }
}
