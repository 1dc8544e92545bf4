package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.MailStatus;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/**
 * The lists: my post (waiting, or done and newest first), my department's shared post,
 * reception's shelf view of a site, the return-to-sender list and the counts per day. Each list
 * is one Query (plus one GetItem to know who "me" is); none reads the items handed out before.
 */
@Singleton
public class LookingAtMail {

    public static final int MAX_COUNT_DAYS = 366;

    private final MailItems store;
    private final MailSettings settings;
    private final MailAccess access;
    private final DirectoryReader directory;
    private final Clock clock;

    public LookingAtMail(MailItems store, MailSettings settings, MailAccess access, DirectoryReader directory, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    /** An item and how the caller sees it. */
    public record Seen(MailItem item, MailAccess.Viewer viewer) {
    }

    public Seen item(Caller caller, String id) {
        MailItem item = store.byId(id).orElseThrow(() -> ProblemException.notFound("mail item", id));
        return new Seen(item, access.viewerOf(caller, item));
    }

    /** The caller's own post: still waiting (oldest first) or done (newest first). */
    public Page<MailItem> mine(Caller caller, boolean waiting, PageRequest page) {
        return access.me(caller)
                .map(me -> waiting ? store.waitingFor(me.personId(), page) : store.doneFor(me.personId(), page))
                .orElse(new Page<>(List.of(), null));
    }

    /** The shared post of the caller's department at the caller's site, still waiting. */
    public Page<MailItem> department(Caller caller, PageRequest page) {
        PersonCard me = access.me(caller).orElse(null);
        if (me == null || me.siteId().isEmpty() || me.costCentre().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return store.waitingForDepartment(me.siteId().get(), me.costCentre().get(), page);
    }

    /** What is on a site's shelves, by shelf. */
    public Page<MailItem> shelves(String siteId, PageRequest page) {
        return store.onShelves(siteId, page);
    }

    /** Items waiting at a site past its return-after days, or whose recipient left: they can go back. */
    public List<MailItem> returnList(String siteId) {
        SiteSettings rules = settings.of(siteId);
        var site = directory.site(siteId).orElseThrow(() -> ProblemException.notFound("site", siteId));
        LocalDate today = clock.instant().atZone(site.zone()).toLocalDate();
        return store.allOnShelves(siteId).stream()
                .filter(i -> i.status() == MailStatus.WAITING)
                .filter(i -> i.recipient() instanceof Recipient.Left
                        || i.daysWaiting(today, site.zone()) >= rules.returnAfterDays())
                .toList();
    }

    public List<MailItems.DayCounts> counts(String siteId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_COUNT_DAYS) {
            throw ProblemException.badRequest("to", "at most " + MAX_COUNT_DAYS + " days from 'from'");
        }
        return store.counts(siteId, from, to);
    }
}
