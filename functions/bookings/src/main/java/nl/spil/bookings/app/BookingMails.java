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

    enum Kind { CONFIRMED, CHANGED, CANCELLED, RELEASED, SERIES_BOOKED, SERIES_CANCELLED, SERIES_ENDED }

    /** The first booking, how many in all, and how many occurrences could not be booked. */
    record Model(Kind kind, Booking booking, int count, int skipped) {
    }

    static final EmailTemplate<Model> TEMPLATE = EmailTemplate.of(
            (lang, m) -> switch (m.kind()) {
                case CONFIRMED -> lang.pick("Geboekt: ", "Booked: ");
                case CHANGED -> lang.pick("Gewijzigd: ", "Changed: ");
                case CANCELLED -> lang.pick("Geannuleerd: ", "Cancelled: ");
                case RELEASED -> lang.pick("Vrijgegeven (niet ingecheckt): ", "Released (no check-in): ");
                case SERIES_BOOKED -> lang.pick("Reeks geboekt (" + m.count() + "x): ", "Series booked (" + m.count() + "x): ");
                case SERIES_CANCELLED -> lang.pick("Reeks geannuleerd (" + m.count() + "x): ", "Series cancelled (" + m.count() + "x): ");
                case SERIES_ENDED -> lang.pick("Reeks beëindigd na 3 keer niet ingecheckt: ", "Series ended after 3 missed check-ins: ");
            } + m.booking().resourceName() + ", " + MailDates.dateTime(lang, m.booking().start().atZone(m.booking().zone())),
            (lang, m, body) -> {
                Booking b = m.booking();
                body.paragraph(switch (m.kind()) {
                    case CONFIRMED -> lang.pick("Je boeking staat vast.", "Your booking is confirmed.");
                    case CHANGED -> lang.pick("Je boeking is gewijzigd.", "Your booking was changed.");
                    case CANCELLED -> lang.pick("Je boeking is geannuleerd.", "Your booking was cancelled.");
                    case RELEASED -> lang.pick("Niemand heeft op tijd ingecheckt, dus de ruimte is vrijgegeven voor anderen.",
                            "Nobody checked in in time, so the space was released for others.");
                    case SERIES_BOOKED -> lang.pick(m.count() + " keer geboekt, vanaf:", "Booked " + m.count() + " times, from:");
                    case SERIES_CANCELLED -> lang.pick(m.count() + " keer geannuleerd, vanaf:", "Cancelled " + m.count() + " times, from:");
                    case SERIES_ENDED -> lang.pick("Drie keer is er niet ingecheckt. De reeks is beëindigd; " + m.count()
                            + " volgende keer/keren zijn vrijgegeven.", "Three times nobody checked in. The series has ended; "
                            + m.count() + " following occurrence(s) were released.");
                });
                if (m.skipped() > 0) {
                    body.paragraph(lang.pick(m.skipped() + " keer kon niet geboekt worden (bezet of buiten de regels).",
                            m.skipped() + " occurrence(s) could not be booked (taken or against the rules)."));
                }
                body.row(lang.pick("Wat", "What"), b.title())
                        .row(lang.pick("Waar", "Where"), b.resourceName())
                        .row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, b.start().atZone(b.zone()))
                                + " - " + MailDates.time(b.end().atZone(b.zone()).toLocalTime()));
                b.notes().ifPresent(n -> body.row(lang.pick("Voorbereiding", "Preparation"), n));
            });

    /** How long a warm function remembers a person's name and language (a directory change shows after this). */
    static final java.time.Duration REMEMBER = java.time.Duration.ofMinutes(5);
    private static final int REMEMBER_AT_MOST = 1000;
    private final DirectoryReader directory;
    private final Settings settings;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Remembered> people = new java.util.concurrent.ConcurrentHashMap<>();

    private record Remembered(Optional<DirectoryReader.PersonCard> person, java.time.Instant until) {
    }

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

    public Optional<EmailMessage> seriesBooked(java.util.List<Booking> booked, int skipped) {
        return mail(Kind.SERIES_BOOKED, booked, skipped, "bookings:series:" + booked.get(0).seriesId().orElse("") + ":booked");
    }

    public Optional<EmailMessage> seriesCancelled(java.util.List<Booking> cancelled) {
        Booking first = cancelled.get(0);
        return mail(Kind.SERIES_CANCELLED, cancelled, 0, "bookings:series-cancel:" + first.id() + ":" + first.sequence());
    }

    /** The series ended after missed check-ins; {@code released} are its following occurrences, now cancelled. */
    public Optional<EmailMessage> seriesEnded(Booking lastMissed, java.util.List<Booking> released) {
        java.util.List<Booking> all = new java.util.ArrayList<>();
        all.add(lastMissed);
        all.addAll(released);
        return mail(Kind.SERIES_ENDED, all, 0, "bookings:series-ended:" + lastMissed.seriesId().orElse(lastMissed.id()));
    }

    /** The organiser in the directory: one GetItem, remembered for {@link #REMEMBER} by a warm function. */
    private Optional<DirectoryReader.PersonCard> person(String email) {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        java.time.Instant now = clock.instant();
        Remembered known = people.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.person();
        }
        Optional<DirectoryReader.PersonCard> found = directory.personByEmail(email);
        if (people.size() >= REMEMBER_AT_MOST) {
            people.clear();
        }
        people.put(key, new Remembered(found, now.plus(REMEMBER)));
        return found;
    }

    private Optional<EmailMessage> mail(Kind kind, Booking b) {
        return mail(kind, java.util.List.of(b), 0, dedupeKey(b));
    }

    private Optional<EmailMessage> mail(Kind kind, java.util.List<Booking> bookings, int skipped, String dedupeKey) {
        Booking b = bookings.get(0);
        if (b.organiserEmail().isEmpty()) {
            return Optional.empty();
        }
        var person = person(b.organiserEmail());
        Language language = person.map(DirectoryReader.PersonCard::language).orElse(Language.NL);
        String name = person.map(DirectoryReader.PersonCard::name).orElse(null);
        String sender = settings.require("SENDER_EMAIL");
        int count = kind == Kind.SERIES_ENDED ? bookings.size() - 1 : bookings.size();
        RenderedEmail content = TEMPLATE.render(language, new Model(kind, b, count, skipped), settings.officeName());
        java.util.List<Booking> inCalendar = kind == Kind.SERIES_ENDED ? bookings.subList(1, bookings.size()) : bookings;
        byte[] ics = Ics.invitation(inCalendar.isEmpty() ? bookings : inCalendar, sender,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        boolean request = (inCalendar.isEmpty() ? bookings : inCalendar).get(0).isActive();
        Attachment attachment = request ? Attachment.calendarRequest("booking.ics", ics)
                : new Attachment("booking.ics", Attachment.CALENDAR_CANCEL, ics);
        EmailMessage message = EmailMessage.of(EmailAddress.of(sender, settings.officeName()),
                name == null ? EmailAddress.of(b.organiserEmail()) : EmailAddress.of(b.organiserEmail(), name),
                language, content, dedupeKey).withAttachment(attachment);
        return Optional.of(message);
    }

}
