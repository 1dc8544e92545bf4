package nl.spil.mailroom.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/**
 * Where items of post are kept (port). Every change is one transaction under the item's version
 * (a {@link nl.spil.platform.retry.ConcurrentChange} when it moved meanwhile) with the e-mails it
 * causes (outbox) and the site's day count; every list is one Query whose cost does not grow with
 * the items handed out before.
 */
public interface MailItems {

    /** An e-mail to enqueue with a change, once per dedupe key. */
    record Mail(EmailMessage message, String dedupeKey) {
    }

    /** What a change adds to a site's counts of one (site-local) day. */
    record DayCount(String siteId, LocalDate day, Counter counter, int n) {
    }

    enum Counter { LOGGED, COLLECTED, FORWARDED, RETURNED }

    /** One site-day's counts. */
    record DayCounts(LocalDate day, long logged, long collected, long forwarded, long returned) {
    }

    Optional<MailItem> byId(String id);

    /** Items by id, in the order asked; those gone are left out. */
    List<MailItem> byIds(List<String> ids);

    /**
     * Writes a logged delivery, its e-mails and its count in one transaction, once per
     * Idempotency-Key; a replay answers {@code reread} of {@code createdId}.
     */
    Response log(List<MailItem> items, List<Mail> mails, DayCount count, CreateRequest request, Response answer,
                 String createdId, Function<String, Optional<Response>> reread);

    /** Replaces {@code current} (still at its version) with {@code changed}, with its e-mails and count. */
    void change(MailItem current, MailItem changed, List<Mail> mails, Optional<DayCount> count);

    /**
     * Changes several items and enqueues e-mails in one transaction (a reminder, a return list).
     *
     * @return false when any item moved meanwhile or the e-mails went out before: nothing written
     */
    boolean changeAll(List<MailItem> current, List<MailItem> changed, List<Mail> mails);

    /** The person's items still here, oldest first. */
    Page<MailItem> waitingFor(String personId, PageRequest page);

    /** The person's items handed out, forwarded or returned, newest first. */
    Page<MailItem> doneFor(String personId, PageRequest page);

    /** A department's shared items still here at a site, oldest first. */
    Page<MailItem> waitingForDepartment(String siteId, String department, PageRequest page);

    /** What is on a site's shelves, by shelf. */
    Page<MailItem> onShelves(String siteId, PageRequest page);

    /** Every item on a site's shelves (every page): for the schedule and the return list. */
    List<MailItem> allOnShelves(String siteId);

    /** Every item a recipient asked to have forwarded from a site, oldest request first. */
    List<MailItem> forwardingList(String siteId);

    /** Every item addressed to a person, waiting or done (every page): when they leave. */
    List<MailItem> allFor(String personId);

    /** Up to {@code max} items whose keeping time ended before {@code now}. */
    List<MailItem> pastKeeping(Instant now, int max);

    /** Deletes an item for good (unless it changed meanwhile): false when it had changed or gone. */
    boolean delete(MailItem item);

    /** A site's counts per day from {@code from} to {@code to} (days without post left out). */
    List<DayCounts> counts(String siteId, LocalDate from, LocalDate to);

    /** True when an event with this id was handled before (ids are remembered for 30 days). */
    boolean handled(String eventId);

    /** Remembers that an event was handled, once its effect is complete. */
    void rememberHandled(String eventId, Instant now);
}
