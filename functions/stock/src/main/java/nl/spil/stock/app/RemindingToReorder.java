package nl.spil.stock.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;
import nl.spil.platform.outbox.Outbox;
import nl.spil.stock.domain.Item;
import nl.spil.stock.domain.Suggestions;
import nl.spil.stock.domain.Suggestions.SupplierGroup;
import nl.spil.stock.domain.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each working day at 08:00 site time, the office manager of each site hears which items are
 * below their minimum, grouped by supplier, with what to order. Items with an open order are
 * left out; a site with nothing to say gets no e-mail; a second run for the same day sends
 * nothing (the outbox refuses a reminder's dedupe key twice).
 */
@Singleton
public class RemindingToReorder {

    public static final int HOUR = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RemindingToReorder.class);
    private final DirectoryReader directory;
    private final Items items;
    private final Suppliers suppliers;
    private final Outbox outbox;
    private final Mailbox mailbox;
    private final Settings settings;

    public RemindingToReorder(DirectoryReader directory, Items items, Suppliers suppliers, Outbox outbox, Mailbox mailbox,
                              Settings settings) {
        this.directory = directory;
        this.items = items;
        this.suppliers = suppliers;
        this.outbox = outbox;
        this.settings = settings;
        this.mailbox = mailbox;
    }

    /** What one run did. */
    public record Report(int sitesDue, int sitesReminded, int emailsQueued, int sitesAlreadyReminded) {
    }

    record Model(SiteCard site, LocalDate day, List<SupplierGroup> groups, Map<String, Supplier> suppliers) {
    }

    static final EmailTemplate<Model> REMINDER = EmailTemplate.of(
            (lang, m) -> lang.pick("Bijbestellen: ", "Reorder: ") + count(m) + lang.pick(" artikelen onder het minimum in ",
                    " items below their minimum at ") + m.site().name(),
            (lang, m, body) -> {
                body.paragraph(lang.pick("Goedemorgen,", "Good morning,"))
                        .paragraph(lang.pick("Deze artikelen zijn op ", "These items are below their minimum at ")
                                + m.site().name() + lang.pick(" onder het minimum (", " (")
                                + MailDates.date(lang, m.day()) + lang.pick("). Voorgestelde aantallen vullen aan tot het bestelniveau.",
                                "). Suggested quantities fill up to the reorder level."));
                for (SupplierGroup g : m.groups()) {
                    body.heading(g.supplierId().map(id -> m.suppliers().containsKey(id) ? m.suppliers().get(id).name() : id)
                            .orElse(lang.pick("Zonder vaste leverancier", "No preferred supplier")));
                    body.table(List.of(lang.pick("Artikelnummer", "SKU"), lang.pick("Artikel", "Item"),
                                    lang.pick("Voorraad", "On hand"), lang.pick("Minimum", "Minimum"),
                                    lang.pick("Voorstel", "Suggested")),
                            g.suggestions().stream().map(s -> List.of(s.item().sku(), s.item().details().name(),
                                    Long.toString(s.item().quantity()), Long.toString(s.item().details().minimum()),
                                    s.quantity() + " " + s.item().details().unit())).toList());
                }
                body.note(lang.pick("Artikelen met een openstaande bestelling staan er niet in.",
                        "Items with an open order are left out."));
            });

    private static long count(Model m) {
        return m.groups().stream().mapToLong(g -> g.suggestions().size()).sum();
    }

    /** The dedupe key of one site's reminder to one person on one (site-local) day. */
    public static String dedupeKey(String siteId, LocalDate day, String personId) {
        return "stock:reorder-reminder:" + siteId + ":" + day + ":" + personId;
    }

    public Report run(Instant tick) {
        int due = 0;
        int reminded = 0;
        int emails = 0;
        int already = 0;
        for (SiteCard site : directory.sites()) {
            ZonedDateTime local = tick.atZone(site.zone());
            if (local.getHour() != HOUR || !site.isWorkingDay(local.getDayOfWeek())) {
                continue;
            }
            due++;
            List<Item> low = items.allLowAt(site.siteId());
            List<SupplierGroup> groups = Suggestions.group(low, true);
            if (groups.isEmpty()) {
                continue; // nothing low, or all of it already on order: no e-mail
            }
            List<PersonCard> managers = directory.peopleWithRole(site.siteId(), "office-manager");
            if (managers.isEmpty()) {
                LOG.warn("site {} has items to reorder but no office manager to remind", site.siteId());
                continue;
            }
            Map<String, Supplier> known = suppliers.byIds(groups.stream().flatMap(g -> g.supplierId().stream()).toList());
            Model model = new Model(site, local.toLocalDate(), groups, known);
            List<TransactWriteItem> writes = new ArrayList<>();
            for (PersonCard manager : managers) {
                String key = dedupeKey(site.siteId(), local.toLocalDate(), manager.personId());
                EmailMessage message = EmailMessage.of(EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                        EmailAddress.of(manager.email(), manager.name()), manager.language(),
                        REMINDER.render(manager.language(), model, settings.officeName()), key);
                writes.add(outbox.email(message, key));
            }
            boolean sent = false;
            for (int from = 0; from < writes.size(); from += 100) {
                List<TransactWriteItem> chunk = writes.subList(from, Math.min(writes.size(), from + 100));
                if (mailbox.enqueue(chunk)) {
                    emails += chunk.size();
                    sent = true;
                }
            }
            if (sent) {
                reminded++;
            } else {
                already++;
            }
        }
        LOG.info("reorder reminder at {}: {} sites due, {} reminded, {} e-mails queued, {} already reminded",
                tick, due, reminded, emails, already);
        return new Report(due, reminded, emails, already);
    }
}
