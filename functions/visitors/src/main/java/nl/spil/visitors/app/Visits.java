package nl.spil.visitors.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.WrongCodes;

/**
 * Where visits are kept (port). Every change is written under the version it was decided on,
 * with its e-mails (outbox) and its statistics counters in the same transaction.
 */
public interface Visits {

    Optional<Visit> byId(String id);

    List<Visit> byIds(List<String> ids);

    /** The visits a typed code may name at a site (its local yesterday, today and tomorrow), and the site's wrong codes. */
    record CodeLookup(List<String> visitIds, WrongCodes wrongCodes) {
    }

    CodeLookup lookUp(String siteId, String code, Instant now);

    /** Records one more wrong code; false when another request counted meanwhile (read again). */
    boolean countWrongCode(String siteId, WrongCodes before, WrongCodes after);

    /**
     * Registers the visits all or nothing, with their codes (unique per site and day) and e-mails,
     * once per Idempotency-Key; a replay answers {@code reread} of the ids joined by commas.
     *
     * @throws nl.spil.platform.retry.ConcurrentChange when a code was taken meanwhile (draw new ones)
     */
    Response register(List<Visit> visits, List<OutgoingMail> mails, CreateRequest request, Response answer,
                      Function<String, Optional<Response>> reread);

    /** How a check-in's transaction went. */
    enum CheckIn { DONE, CHANGED, RULES_NOT_CURRENT, BLOCK_MARKED }

    /**
     * Checks in: the visit under its version, the site's current house rules are the accepted
     * version, and (unless {@code guardBlockList} is false) no block-list marker names the visitor;
     * with the host's e-mail and the day's counters.
     */
    CheckIn checkIn(Visit before, Visit after, boolean guardBlockList, List<OutgoingMail> mails);

    /** Any other change, under the version read; false when it changed meanwhile. */
    boolean save(Visit before, Visit after, List<OutgoingMail> mails);

    /** A site day's visits by folded name (optionally those starting with a prefix, or of one host). */
    Page<Visit> ofDay(String siteId, LocalDate day, Optional<String> foldedPrefix, Optional<String> hostEmail,
                      PageRequest page);

    /** Who is checked in at a site now (the sparse index: only checked-in visits). */
    List<Visit> onSite(String siteId);

    /** Who is still checked in at a site from {@code day} or before. */
    List<Visit> onSiteThrough(String siteId, LocalDate day);

    /** The visits of a site the block list held (needs-review), by arrival (the sparse index: only those). */
    List<Visit> needingReview(String siteId);

    /** A host's visits expected from {@code from} on, by arrival. */
    List<Visit> upcomingOfHost(String personId, Instant from);

    List<Visit> ofVisitorEmail(String email);

    /** Visits whose retention ran out by {@code now} and that TTL has not removed yet (the last 14 days' worth). */
    List<Visit> expired(Instant now);

    /** Removes the visit and every outbox item naming its visitor; answers how many outbox items went. */
    int erase(Visit visit);
}
