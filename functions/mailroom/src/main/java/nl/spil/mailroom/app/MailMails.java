package nl.spil.mailroom.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;
import nl.spil.platform.mail.RenderedEmail;

/**
 * The mailroom's e-mails, each in its reader's language: post waiting (with the pickup code),
 * a reminder, an item forwarded (with the tracking number), and the office manager's
 * return-to-sender list. Values come from what reception typed; the templates escape them.
 */
@Singleton
public class MailMails {

    /** Post for one reader: the items, the site, and the code (for the recipient) or none (for the office manager). */
    record Model(String siteName, ZoneId zone, LocalDate today, List<MailItem> items, Optional<String> department,
                 int reminder) {
    }

    static final EmailTemplate<Model> WAITING = EmailTemplate.of(
            (lang, m) -> (m.reminder() == 0 ? "" : lang.pick("Herinnering: ", "Reminder: "))
                    + (m.items().size() == 1 ? lang.pick("Er ligt post voor je klaar", "An item is waiting for you")
                    : lang.pick(m.items().size() + " poststukken liggen voor je klaar",
                    m.items().size() + " items are waiting for you"))
                    + m.department().map(d -> lang.pick(" (" + d + ")", " (" + d + ")")).orElse("")
                    + lang.pick(" bij de receptie, ", " at reception, ") + shelves(lang, m.items()),
            (lang, m, body) -> {
                body.paragraph(lang.pick("Hallo,", "Hello,"));
                if (m.reminder() > 0) {
                    long days = m.items().get(0).daysWaiting(m.today(), m.zone());
                    body.paragraph(lang.pick("Deze post ligt al " + days + " dagen voor je klaar bij de receptie van "
                            + m.siteName() + ".", "This post has been waiting for you at reception in " + m.siteName()
                            + " for " + days + " days."));
                } else {
                    body.paragraph(lang.pick("Er is post voor je binnengekomen bij de receptie van " + m.siteName() + ".",
                            "Post has arrived for you at reception in " + m.siteName() + "."));
                }
                m.department().ifPresent(d -> body.paragraph(lang.pick("Het is post voor " + d
                        + "; iedereen van de afdeling kan het ophalen.", "It is post for " + d
                        + "; anyone of the department may collect it.")));
                body.table(List.of(lang.pick("Wat", "What"), lang.pick("Van", "From"), lang.pick("Vervoerder", "Carrier"),
                                lang.pick("Plank", "Shelf"), lang.pick("Binnengekomen", "Arrived")),
                        m.items().stream().map(i -> List.of(MailTexts.kind(lang, i.details().kind(), i.details().count()),
                                i.details().sender().orElse("—"), i.details().carrier().label(), i.shelf(),
                                MailDates.dateTime(lang, i.receivedAt().atZone(m.zone())))).toList());
                body.row(lang.pick("Ophaalcode", "Pickup code"), m.items().get(0).pickupCode());
                body.note(lang.pick("Noem de code bij de receptie, of geef hem aan een collega die het voor je ophaalt. "
                                + "Werk je thuis? Vraag in Spil of we het naar je doorsturen.",
                        "Give the code at reception, or pass it to a colleague who collects it for you. "
                                + "Working from home? Ask in Spil to have it forwarded to you."));
            });

    record ForwardedModel(MailItem item) {
    }

    static final EmailTemplate<ForwardedModel> FORWARDED = EmailTemplate.of(
            (lang, m) -> lang.pick("Je post is doorgestuurd: ", "Your post was forwarded: ")
                    + MailTexts.kind(lang, m.item().details().kind(), m.item().details().count()),
            (lang, m, body) -> {
                var f = m.item().forwarding().orElseThrow();
                body.paragraph(lang.pick("Hallo,", "Hello,"))
                        .paragraph(lang.pick("We hebben je post doorgestuurd naar het adres dat je opgaf.",
                                "We have sent your post on to the address you gave."))
                        .row(lang.pick("Wat", "What"), MailTexts.kind(lang, m.item().details().kind(), m.item().details().count()))
                        .row(lang.pick("Van", "From"), m.item().details().sender().orElse("—"))
                        .row(lang.pick("Vervoerder", "Carrier"), f.carrier().map(c -> c.label()).orElse("—"))
                        .row(lang.pick("Volgnummer", "Tracking number"), f.trackingNumber().orElse("—"));
            });

    record ReturnListModel(String siteName, ZoneId zone, LocalDate today, List<MailItem> items) {
    }

    static final EmailTemplate<ReturnListModel> RETURN_LIST = EmailTemplate.of(
            (lang, m) -> lang.pick("Retour afzender: ", "Return to sender: ") + MailTexts.items(lang, m.items().size())
                    + lang.pick(" in ", " at ") + m.siteName(),
            (lang, m, body) -> body
                    .paragraph(lang.pick("Goedemorgen,", "Good morning,"))
                    .paragraph(lang.pick("Deze post is niet opgehaald en kan terug naar de afzender. Leg de retourzending "
                                    + "vast in Spil met het volgnummer.",
                            "This post was not collected and can go back to its sender. Record each return in Spil "
                                    + "with its tracking number."))
                    .table(List.of(lang.pick("Wat", "What"), lang.pick("Van", "From"), lang.pick("Voor", "For"),
                                    lang.pick("Plank", "Shelf"), lang.pick("Dagen", "Days"), lang.pick("Nummer", "Id")),
                            m.items().stream().map(i -> List.of(MailTexts.kind(lang, i.details().kind(), i.details().count()),
                                    i.details().sender().orElse("—"), recipientName(lang, i.recipient()), i.shelf(),
                                    Long.toString(i.daysWaiting(m.today(), m.zone())), i.id())).toList()));

    private final Settings settings;

    public MailMails(Settings settings) {
        this.settings = settings;
    }

    /** What arrived (reminder 0) or a reminder (1, 2) for one reader. */
    EmailMessage waiting(PersonCard reader, String siteName, ZoneId zone, LocalDate today, List<MailItem> items,
                         int reminder, String seed) {
        Optional<String> department = items.get(0).recipient() instanceof Recipient.Department d
                ? Optional.of(d.name()) : Optional.empty();
        return message(reader, WAITING.render(reader.language(), new Model(siteName, zone, today, items, department, reminder),
                settings.officeName()), seed);
    }

    EmailMessage forwarded(PersonCard reader, MailItem item, String seed) {
        return message(reader, FORWARDED.render(reader.language(), new ForwardedModel(item), settings.officeName()), seed);
    }

    EmailMessage returnList(PersonCard reader, String siteName, ZoneId zone, LocalDate today, List<MailItem> items,
                            String seed) {
        return message(reader, RETURN_LIST.render(reader.language(), new ReturnListModel(siteName, zone, today, items),
                settings.officeName()), seed);
    }

    private EmailMessage message(PersonCard reader, RenderedEmail content, String seed) {
        return EmailMessage.of(EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                EmailAddress.of(reader.email(), reader.name()), reader.language(), content, seed);
    }

    private static String shelves(Language lang, List<MailItem> items) {
        TreeSet<String> shelves = new TreeSet<>();
        items.forEach(i -> shelves.add(i.shelf()));
        return (shelves.size() == 1 ? lang.pick("plank ", "shelf ") : lang.pick("planken ", "shelves "))
                + String.join(", ", shelves);
    }

    private static String recipientName(Language lang, Recipient recipient) {
        return recipient instanceof Recipient.Left ? lang.pick("(uit dienst)", "(left)") : recipient.displayName();
    }
}
