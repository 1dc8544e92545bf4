package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spil.mailroom.app.MailItems.Mail;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.DirectoryReader.SiteCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is not collected: from 09:00 in each site's own zone (the schedule ticks hourly, and the
 * scheduled time, converted to the site's zone, decides), recipients of items waiting the site's
 * first and second reminder days get one reminder per item and level, grouped per person; items
 * waiting the return-after days (or whose recipient left) go once onto the office manager's
 * return-to-sender list. Each group's e-mails are written in one transaction with the items'
 * marks under their versions, so a tick run twice, or two ticks at once, send nothing twice; the
 * later ticks of a day find the work done.
 */
@Singleton
public class RemindingRecipients {

    public static final int HOUR = 9;
    private static final int ITEMS_PER_TRANSACTION = 40;
    private static final Logger LOG = LoggerFactory.getLogger(RemindingRecipients.class);

    private final DirectoryReader directory;
    private final MailItems store;
    private final MailSettings settings;
    private final MailMails mails;

    public RemindingRecipients(DirectoryReader directory, MailItems store, MailSettings settings, MailMails mails) {
        this.directory = directory;
        this.store = store;
        this.settings = settings;
        this.mails = mails;
    }

    /** What one tick did. */
    public record Report(int sitesDue, int itemsReminded, int emailsQueued, int itemsListedForReturn) {
    }

    public Report run(Instant tick) {
        int due = 0;
        int reminded = 0;
        int emails = 0;
        int listed = 0;
        for (SiteCard site : directory.sites()) {
            ZonedDateTime local = tick.atZone(site.zone());
            if (local.getHour() < HOUR) {
                continue;
            }
            due++;
            SiteSettings rules = settings.of(site.siteId());
            LocalDate today = local.toLocalDate();
            List<MailItem> onShelves = store.allOnShelves(site.siteId());
            int[] done = remind(site, today, rules, onShelves);
            reminded += done[0];
            emails += done[1];
            int[] returns = listForReturn(site, today, rules, onShelves);
            listed += returns[0];
            emails += returns[1];
        }
        LOG.info("mail reminders at {}: {} sites due, {} items reminded, {} listed for return, {} e-mails queued",
                tick, due, reminded, listed, emails);
        return new Report(due, reminded, emails, listed);
    }

    private int[] remind(SiteCard site, LocalDate today, SiteSettings rules, List<MailItem> onShelves) {
        Map<String, List<MailItem>> groups = new LinkedHashMap<>(); // "<level>|<recipient>" -> items
        Set<String> readers = new LinkedHashSet<>();
        for (MailItem item : onShelves) {
            int level = item.reminderDue(today, site.zone(), rules);
            if (level > 0) {
                groups.computeIfAbsent(level + "|" + recipientKey(item), k -> new ArrayList<>()).add(item);
                readers.addAll(item.notified());
            }
        }
        if (groups.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, PersonCard> cards = new LinkedHashMap<>();
        directory.people(List.copyOf(readers)).forEach(p -> cards.put(p.personId(), p));
        int items = 0;
        int emails = 0;
        for (Map.Entry<String, List<MailItem>> group : groups.entrySet()) {
            int level = Integer.parseInt(group.getKey().substring(0, 1));
            List<MailItem> all = group.getValue();
            for (int from = 0; from < all.size(); from += ITEMS_PER_TRANSACTION) {
                List<MailItem> chunk = all.subList(from, Math.min(all.size(), from + ITEMS_PER_TRANSACTION));
                List<Mail> toSend = new ArrayList<>();
                for (String personId : chunk.get(0).notified()) {
                    PersonCard reader = cards.get(personId);
                    if (reader != null) {
                        String dedupe = "mailroom:reminder:" + level + ":" + personId + ":" + hash(chunk);
                        toSend.add(new Mail(mails.waiting(reader, site.name(), site.zone(), today, chunk, level, dedupe), dedupe));
                    }
                }
                if (store.changeAll(chunk, chunk.stream().map(i -> i.reminded(level)).toList(), toSend)) {
                    items += chunk.size();
                    emails += toSend.size();
                }
            }
        }
        return new int[] {items, emails};
    }

    private int[] listForReturn(SiteCard site, LocalDate today, SiteSettings rules, List<MailItem> onShelves) {
        List<MailItem> due = onShelves.stream().filter(i -> i.returnDue(today, site.zone(), rules)).toList();
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        List<PersonCard> managers = directory.peopleWithRole(site.siteId(), "office-manager");
        if (managers.isEmpty()) {
            LOG.warn("site {} has {} items to return to their senders but no office manager to tell", site.siteId(), due.size());
            return new int[] {0, 0};
        }
        int listed = 0;
        int emails = 0;
        int perTransaction = Math.max(1, Math.min(ITEMS_PER_TRANSACTION, 100 - managers.size()));
        for (int from = 0; from < due.size(); from += perTransaction) {
            List<MailItem> chunk = due.subList(from, Math.min(due.size(), from + perTransaction));
            List<Mail> toSend = new ArrayList<>();
            for (PersonCard manager : managers.subList(0, Math.min(managers.size(), 100 - chunk.size()))) {
                String dedupe = "mailroom:return-list:" + site.siteId() + ":" + manager.personId() + ":" + hash(chunk);
                toSend.add(new Mail(mails.returnList(manager, site.name(), site.zone(), today, chunk, dedupe), dedupe));
            }
            if (store.changeAll(chunk, chunk.stream().map(MailItem::listedForReturn).toList(), toSend)) {
                listed += chunk.size();
                emails += toSend.size();
            }
        }
        return new int[] {listed, emails};
    }

    private static String recipientKey(MailItem item) {
        return item.recipient() instanceof Recipient.Person p ? "person:" + p.personId() : "department:" + item.pickupCode()
                + ":" + item.batchId();
    }

    /** The same items give the same key, whatever their order. */
    static String hash(List<MailItem> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            items.stream().map(MailItem::id).sorted().forEach(id -> sha.update((id + ",").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
