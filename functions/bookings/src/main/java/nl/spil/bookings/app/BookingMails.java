package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import nl.spil.bookings.calendar.Ics;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;
import nl.spil.platform.mail.RenderedEmail;

/**
 * The organiser's e-mails, in the organiser's language (from the directory, Dutch when they are
 * not in it), each with its iCalendar attachment: confirmed and changed (REQUEST), cancelled and
 * released as a no-show (CANCEL). One GetItem on the directory per e-mail.
 */
@Singleton
public class BookingMails {

    enum Kind { CONFIRMED, CHANGED, CANCELLED, RELEASED }

    record Model(Kind kind, Booking booking) {
    }

    static final EmailTemplate<Model> TEMPLATE = EmailTemplate.of(
            (lang, m) -> switch (m.kind()) {
                case CONFIRMED -> lang.pick("Geboekt: ", "Booked: ");
                case CHANGED -> lang.pick("Gewijzigd: ", "Changed: ");
                case CANCELLED -> lang.pick("Geannuleerd: ", "Cancelled: ");
                case RELEASED -> lang.pick("Vrijgegeven (niet ingecheckt): ", "Released (no check-in): ");
            } + m.booking().resourceName() + ", " + MailDates.dateTime(lang, m.booking().start().atZone(m.booking().zone())),
            (lang, m, body) -> {
                Booking b = m.booking();
                body.paragraph(switch (m.kind()) {
                    case CONFIRMED -> lang.pick("Je boeking staat vast.", "Your booking is confirmed.");
                    case CHANGED -> lang.pick("Je boeking is gewijzigd.", "Your booking was changed.");
                    case CANCELLED -> lang.pick("Je boeking is geannuleerd.", "Your booking was cancelled.");
                    case RELEASED -> lang.pick("Niemand heeft op tijd ingecheckt, dus de ruimte is vrijgegeven voor anderen.",
                            "Nobody checked in in time, so the space was released for others.");
                });
                body.row(lang.pick("Wat", "What"), b.title())
                        .row(lang.pick("Waar", "Where"), b.resourceName())
                        .row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, b.start().atZone(b.zone()))
                                + " - " + MailDates.time(b.end().atZone(b.zone()).toLocalTime()));
                b.notes().ifPresent(n -> body.row(lang.pick("Voorbereiding", "Preparation"), n));
            });

    private final DirectoryReader directory;
    private final Settings settings;
    private final Clock clock;

    public BookingMails(DirectoryReader directory, Settings settings, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<EmailMessage> confirmed(Booking b) {
        return mail(Kind.CONFIRMED, b);
    }

    public Optional<EmailMessage> changed(Booking b) {
        return mail(Kind.CHANGED, b);
    }

    public Optional<EmailMessage> cancelled(Booking b) {
        return mail(Kind.CANCELLED, b);
    }

    public Optional<EmailMessage> released(Booking b) {
        return mail(Kind.RELEASED, b);
    }

    /** The outbox dedupe key: one e-mail per booking and SEQUENCE. */
    public static String dedupeKey(Booking b) {
        return "bookings:" + b.id() + ":" + b.sequence();
    }

    private Optional<EmailMessage> mail(Kind kind, Booking b) {
        if (b.organiserEmail().isEmpty()) {
            return Optional.empty();
        }
        var person = directory.personByEmail(b.organiserEmail());
        Language language = person.map(DirectoryReader.PersonCard::language).orElse(Language.NL);
        String name = person.map(DirectoryReader.PersonCard::name).orElse(null);
        String sender = settings.require("SENDER_EMAIL");
        RenderedEmail content = TEMPLATE.render(language, new Model(kind, b), settings.officeName());
        byte[] ics = Ics.invitation(b, sender, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Attachment attachment = b.isActive() ? Attachment.calendarRequest("booking.ics", ics)
                : new Attachment("booking.ics", Attachment.CALENDAR_CANCEL, ics);
        EmailMessage message = EmailMessage.of(EmailAddress.of(sender, settings.officeName()),
                name == null ? EmailAddress.of(b.organiserEmail()) : EmailAddress.of(b.organiserEmail(), name),
                language, content, dedupeKey(b)).withAttachment(attachment);
        return Optional.of(message);
    }

}
