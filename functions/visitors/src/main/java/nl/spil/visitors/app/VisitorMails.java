package nl.spil.visitors.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.platform.config.Settings;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;
import nl.spil.platform.mail.RenderedEmail;
import nl.spil.visitors.domain.BlockEntry;
import nl.spil.visitors.domain.Host;
import nl.spil.visitors.domain.HouseRules;
import nl.spil.visitors.domain.SiteSettings;
import nl.spil.visitors.domain.Visit;
import nl.spil.visitors.domain.VisitStatus;
import nl.spil.visitors.print.QrCodes;

/**
 * Every e-mail of the visitors function, in the recipient's language, each with the dedupe key
 * that sends it once and that erasure uses to find it again. The visitor's invitation carries
 * the check-in code as text and as a QR picture inside the message (never a remote image), the
 * site's address and the house rules the visitor will be asked to accept.
 */
@Singleton
public class VisitorMails {

    static final String QR_NAME = "check-in-code.png";

    enum Kind { INVITATION, CHANGED, CANCELLED }

    record ForVisitor(Kind kind, Visit visit, SiteSettings site, HouseRules rules) {
    }

    static final EmailTemplate<ForVisitor> TO_VISITOR = EmailTemplate.of(
            (lang, m) -> switch (m.kind()) {
                case INVITATION -> lang.pick("Uitnodiging: bezoek aan ", "Invitation: your visit to ");
                case CHANGED -> lang.pick("Gewijzigd: bezoek aan ", "Changed: your visit to ");
                case CANCELLED -> lang.pick("Geannuleerd: bezoek aan ", "Cancelled: your visit to ");
            } + m.visit().siteName() + ", " + MailDates.dateTime(lang, m.visit().expectedAt().atZone(m.visit().zone())),
            (lang, m, body) -> {
                Visit v = m.visit();
                body.paragraph(lang.pick("Beste ", "Dear ") + v.visitor().name() + ",");
                body.paragraph(switch (m.kind()) {
                    case INVITATION -> lang.pick(v.host().name() + " verwacht je.", v.host().name() + " is expecting you.");
                    case CHANGED -> lang.pick("Je bezoek is gewijzigd.", "Your visit was changed.");
                    case CANCELLED -> lang.pick("Je bezoek gaat niet door.", "Your visit has been cancelled.");
                });
                body.row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, v.expectedAt().atZone(v.zone())))
                        .row(lang.pick("Waar", "Where"), v.siteName() + m.site().address().map(a -> "\n" + a).orElse(""))
                        .row(lang.pick("Bij", "Host"), v.host().name());
                if (m.kind() == Kind.CANCELLED) {
                    return;
                }
                body.row(lang.pick("Inchecken met code", "Check-in code"), v.code().grouped());
                body.paragraph(lang.pick("Toon deze code bij de kiosk of de receptie:", "Show this code at the kiosk or the reception desk:"));
                body.image(QR_NAME, lang.pick("QR-code ", "QR code ") + v.code().grouped(), 180);
                if (m.rules().exists()) {
                    body.heading(lang.pick("Huisregels (versie ", "House rules (version ") + m.rules().version() + ")");
                    body.paragraph(m.rules().text(lang));
                    body.note(lang.pick("Bij aankomst vragen we je deze regels te accepteren.",
                            "On arrival we ask you to accept these rules."));
                }
            });

    enum HostKind { REGISTERED, ARRIVED, APPROVED, REFUSED }

    record ForHost(HostKind kind, Host host, List<Visit> visits) {
    }

    static final EmailTemplate<ForHost> TO_HOST = EmailTemplate.of(
            (lang, m) -> {
                Visit v = m.visits().get(0);
                String who = m.visits().size() == 1 ? v.visitor().name() : m.visits().size() + lang.pick(" bezoekers", " visitors");
                return switch (m.kind()) {
                    case REGISTERED -> lang.pick("Aangemeld: ", "Registered: ");
                    case ARRIVED -> lang.pick("Aangekomen: ", "Arrived: ");
                    case APPROVED -> lang.pick("Goedgekeurd: ", "Approved: ");
                    case REFUSED -> lang.pick("Niet toegelaten: ", "Not admitted: ");
                } + who + ", " + MailDates.dateTime(lang, (m.kind() == HostKind.ARRIVED ? v.checkedInAt().orElse(v.expectedAt())
                        : v.expectedAt()).atZone(v.zone()));
            },
            (lang, m, body) -> {
                Visit first = m.visits().get(0);
                body.paragraph(switch (m.kind()) {
                    case REGISTERED -> lang.pick("Je bezoek is aangemeld. De bezoekers krijgen een uitnodiging met hun code.",
                            "Your visit is registered. The visitors receive an invitation with their code.");
                    case ARRIVED -> lang.pick("Je bezoeker is er en wacht bij de receptie.", "Your visitor has arrived and is waiting at reception.");
                    case APPROVED -> lang.pick("Je bezoek is goedgekeurd; de bezoeker krijgt een uitnodiging.",
                            "Your visit was approved; the visitor receives an invitation.");
                    case REFUSED -> lang.pick("Je bezoeker kan niet worden ontvangen. Neem contact op met de office manager.",
                            "Your visitor cannot be received. Please contact the office manager.");
                });
                List<List<String>> rows = new ArrayList<>();
                for (Visit v : m.visits()) {
                    rows.add(List.of(v.visitor().name(), v.visitor().company().orElse(""),
                            v.status() == VisitStatus.NEEDS_REVIEW ? lang.pick("wacht op controle", "pending review")
                                    : MailDates.time((m.kind() == HostKind.ARRIVED ? v.checkedInAt().orElse(v.expectedAt())
                                    : v.expectedAt()).atZone(v.zone()).toLocalTime())));
                }
                body.table(List.of(lang.pick("Naam", "Name"), lang.pick("Bedrijf", "Company"), lang.pick("Tijd", "Time")), rows);
                body.row(lang.pick("Locatie", "Site"), first.siteName());
            });

    enum StaffKind { REVIEW, BLOCK_ALERT, HANDED_OVER }

    record ForStaff(StaffKind kind, List<Visit> visits, Optional<BlockEntry> entry) {
    }

    static final EmailTemplate<ForStaff> TO_STAFF = EmailTemplate.of(
            (lang, m) -> switch (m.kind()) {
                case REVIEW -> lang.pick("Controle nodig: bezoek op de blokkeerlijst", "Review needed: a visit matched the block list");
                case BLOCK_ALERT -> lang.pick("Let op: bezoeker op de blokkeerlijst bij de kiosk", "Attention: a block-listed visitor at the kiosk");
                case HANDED_OVER -> lang.pick("Overgedragen: ", "Handed over: ") + m.visits().size()
                        + lang.pick(" bezoek(en) van een vertrokken collega", " visit(s) of a colleague who left");
            },
            (lang, m, body) -> {
                body.paragraph(switch (m.kind()) {
                    case REVIEW -> lang.pick("Een aangemeld bezoek komt overeen met de blokkeerlijst. De gastheer ziet alleen 'wacht op controle'. Keur het goed of af.",
                            "A registered visit matches the block list. The host only sees 'pending review'. Please approve or refuse it.");
                    case BLOCK_ALERT -> lang.pick("Deze bezoeker probeerde in te checken en komt overeen met de blokkeerlijst. De kiosk heeft de bezoeker naar de receptie gestuurd.",
                            "This visitor tried to check in and matches the block list. The kiosk sent the visitor to the reception desk.");
                    case HANDED_OVER -> lang.pick("De gastheer van deze bezoeken is uit dienst. Je bent nu de gastheer; wijzig of annuleer waar nodig.",
                            "The host of these visits has left. You are their host now; change or cancel them where needed.");
                });
                List<List<String>> rows = new ArrayList<>();
                for (Visit v : m.visits()) {
                    rows.add(List.of(v.visitor().name(), v.visitor().company().orElse(""), v.siteName(),
                            MailDates.dateTime(lang, v.expectedAt().atZone(v.zone()))));
                }
                body.table(List.of(lang.pick("Naam", "Name"), lang.pick("Bedrijf", "Company"), lang.pick("Locatie", "Site"),
                        lang.pick("Verwacht", "Expected")), rows);
                m.entry().ifPresent(e -> body.row(lang.pick("Reden op de lijst", "Reason on the list"), e.reason())
                        .row(lang.pick("Tot en met", "Until"), MailDates.date(lang, e.until())));
            });

    private final Settings settings;

    public VisitorMails(Settings settings) {
        this.settings = settings;
    }

    /** The invitation (or, after a change, the new one) with the code as text and as a QR picture. */
    public Optional<OutgoingMail> invitation(Visit v, SiteSettings site, HouseRules rules) {
        return toVisitor(v.sequence() <= 1 ? Kind.INVITATION : Kind.CHANGED, v, site, rules,
                "visitors:invitation:" + v.id() + ":" + v.sequence());
    }

    public Optional<OutgoingMail> cancelled(Visit v, SiteSettings site) {
        return toVisitor(Kind.CANCELLED, v, site, HouseRules.none(v.siteId()), "visitors:cancelled:" + v.id());
    }

    public OutgoingMail registered(Host host, List<Visit> visits) {
        return toHost(HostKind.REGISTERED, host, visits, "visitors:registered:" + visits.get(0).groupId());
    }

    public OutgoingMail arrived(Visit v) {
        return toHost(HostKind.ARRIVED, v.host(), List.of(v), "visitors:arrived:" + v.id());
    }

    public OutgoingMail reviewed(Visit v) {
        return toHost(v.status() == VisitStatus.REFUSED ? HostKind.REFUSED : HostKind.APPROVED, v.host(), List.of(v),
                "visitors:reviewed:" + v.id());
    }

    public OutgoingMail reviewNeeded(Host manager, Visit v, BlockEntry entry) {
        return toStaff(StaffKind.REVIEW, manager, List.of(v), Optional.of(entry), "visitors:review:" + v.id() + ":" + manager.personId());
    }

    public OutgoingMail blockAlert(Host person, Visit v, BlockEntry entry) {
        return toStaff(StaffKind.BLOCK_ALERT, person, List.of(v), Optional.of(entry),
                "visitors:block-alert:" + v.id() + ":" + person.personId() + ":" + v.version());
    }

    public OutgoingMail handedOver(Host manager, String leaverId, List<Visit> visits) {
        return toStaff(StaffKind.HANDED_OVER, manager, visits, Optional.empty(),
                "visitors:handed-over:" + leaverId + ":" + manager.personId());
    }

    private Optional<OutgoingMail> toVisitor(Kind kind, Visit v, SiteSettings site, HouseRules rules, String key) {
        if (v.visitor().email().isEmpty()) {
            return Optional.empty();
        }
        Language lang = v.visitor().language();
        RenderedEmail content = TO_VISITOR.render(lang, new ForVisitor(kind, v, site, rules), settings.officeName());
        EmailMessage message = EmailMessage.of(from(), EmailAddress.of(v.visitor().email().get(), v.visitor().name()), lang,
                content, key).withReplyTo(EmailAddress.of(v.host().email(), v.host().name()));
        if (kind != Kind.CANCELLED) {
            message = message.withAttachment(Attachment.inlineImage(QR_NAME, QrCodes.png(v.code().value(), 6)));
        }
        return Optional.of(new OutgoingMail(message, key));
    }

    private OutgoingMail toHost(HostKind kind, Host host, List<Visit> visits, String key) {
        RenderedEmail content = TO_HOST.render(host.language(), new ForHost(kind, host, visits), settings.officeName());
        return new OutgoingMail(EmailMessage.of(from(), EmailAddress.of(host.email(), host.name()), host.language(), content, key), key);
    }

    private OutgoingMail toStaff(StaffKind kind, Host person, List<Visit> visits, Optional<BlockEntry> entry, String key) {
        RenderedEmail content = TO_STAFF.render(person.language(), new ForStaff(kind, visits, entry), settings.officeName());
        return new OutgoingMail(EmailMessage.of(from(), EmailAddress.of(person.email(), person.name()), person.language(), content, key), key);
    }

    private EmailAddress from() {
        return EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName());
    }
}
