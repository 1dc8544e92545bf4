package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.InvalidEmailAddressException;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.metrics.Outcomes;
import nl.spil.stock.domain.Suggestions;
import nl.spil.stock.domain.Suggestions.SupplierGroup;
import nl.spil.stock.domain.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each working day at 08:00 site time, the office manager of each site hears which items are
 * below their minimum, grouped by supplier, with what to order. Items with an open order are
 * left out; a site with nothing to say gets no e-mail; a second run for the same day sends
 * nothing (the outbox refuses a reminder's dedupe key twice).
 *
 * <p>Each site and each recipient stands alone: an address the mail parser refuses skips that
 * person, an e-mail sent before skips only itself, and a site that fails (the directory or the
 * table unavailable) is counted and the others are still reminded; the run then ends in an error
 * so the scheduler tries it again, and the dedupe keys make that retry send only what is missing.
 */
@Singleton
public class RemindingToReorder {

    public static final int HOUR = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RemindingToReorder.class);
    private final DirectoryReader directory;
    private final Items items;
    private final Suppliers suppliers;
    private final Mailbox mailbox;
    private final Settings settings;
    private final Outcomes outcomes;

    public RemindingToReorder(DirectoryReader directory, Items items, Suppliers suppliers, Mailbox mailbox,
                              Settings settings, Outcomes outcomes) {
        this.directory = directory;
        this.items = items;
        this.suppliers = suppliers;
        this.mailbox = mailbox;
        this.settings = settings;
        this.outcomes = outcomes;
    }

    /** What one run did. */
    public record Report(int sitesDue, int sitesReminded, int emailsQueued, int sitesAlreadyReminded,
                         int recipientsSkipped, int sitesFailed) {

        Report plus(Report o) {
            return new Report(sitesDue + o.sitesDue, sitesReminded + o.sitesReminded, emailsQueued + o.emailsQueued,
                    sitesAlreadyReminded + o.sitesAlreadyReminded, recipientsSkipped + o.recipientsSkipped,
                    sitesFailed + o.sitesFailed);
        }
    }

    private static final Report NOTHING = new Report(0, 0, 0, 0, 0, 0);
    private static final Report FAILED = new Report(1, 0, 0, 0, 0, 1);

    /** The dedupe key of one site's reminder to one person on one (site-local) day. */
    public static String dedupeKey(String siteId, LocalDate day, String personId) {
        return "stock:reorder-reminder:" + siteId + ":" + day + ":" + personId;
    }

    public Report run(Instant tick) {
        Report report = NOTHING;
        for (SiteCard site : directory.sites()) {
            ZonedDateTime local = tick.atZone(site.zone());
            if (local.getHour() != HOUR || !site.isWorkingDay(local.getDayOfWeek())) {
                continue;
            }
            try {
                report = report.plus(remind(site, local.toLocalDate()));
            } catch (RuntimeException e) {
                LOG.error("reorder reminder for site {} failed; the other sites go on: {}", site.siteId(), e.toString());
                report = report.plus(FAILED);
            }
        }
        LOG.info("reorder reminder at {}: {}", tick, report);
        return report;
    }

    private Report remind(SiteCard site, LocalDate day) {
        List<SupplierGroup> groups = Suggestions.group(items.allLowAt(site.siteId()), true);
        if (groups.isEmpty()) {
            return new Report(1, 0, 0, 0, 0, 0); // nothing low, or all of it already on order: no e-mail
        }
        List<PersonCard> managers = directory.peopleWithRole(site.siteId(), "office-manager");
        if (managers.isEmpty()) {
            LOG.warn("site {} has items to reorder but no office manager to remind", site.siteId());
            return new Report(1, 0, 0, 0, 0, 0);
        }
        Map<String, Supplier> known = suppliers.byIds(groups.stream().flatMap(g -> g.supplierId().stream()).toList());
        ReminderMail.Model model = new ReminderMail.Model(site, day, groups, known);
        int queued = 0;
        int already = 0;
        int skipped = 0;
        for (PersonCard manager : managers) {
            String key = dedupeKey(site.siteId(), day, manager.personId());
            EmailMessage message;
            try {
                message = EmailMessage.of(EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                        EmailAddress.of(manager.email(), manager.name()), manager.language(),
                        ReminderMail.REMINDER.render(manager.language(), model, settings.officeName()), key);
            } catch (InvalidEmailAddressException e) {
                LOG.warn("person {} of site {} has an address mail cannot be sent to; not reminded", manager.personId(),
                        site.siteId());
                skipped++;
                continue;
            }
            if (mailbox.enqueue(message, key)) {
                queued++;
                outcomes.record(Outcome.REORDER_REMINDER_SENT);
            } else {
                already++;
            }
        }
        return new Report(1, queued > 0 ? 1 : 0, queued, queued == 0 && already > 0 ? 1 : 0, skipped, 0);
    }
}
