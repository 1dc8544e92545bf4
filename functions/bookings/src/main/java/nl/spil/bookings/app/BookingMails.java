package nl.spil.bookings.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.bookings.app.BookingMailText.Kind;
import nl.spil.bookings.app.BookingMailText.Model;
import nl.spil.bookings.calendar.Ics;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Skipped;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.Attachment;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.RenderedEmail;

/**
 * The organiser's e-mails, in the organiser's language (from the directory, Dutch when they are
 * not in it), each with its iCalendar attachment: confirmed and changed (REQUEST), cancelled and
 * released as a no-show (CANCEL). One GetItem on the directory per e-mail, read every time: a
 * person who changes their language gets the very next e-mail in it (a remembered copy saved that
 * one read per booking and kept the old language for minutes).
 */
@Singleton
public class BookingMails {

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

    /** The invitation to a series' booked occurrences, naming those not booked and why. */
    public Optional<EmailMessage> seriesBooked(List<Booking> booked, List<Skipped> skipped) {
        return mail(Kind.SERIES_BOOKED, booked, booked, skipped,
                "bookings:series:" + booked.get(0).seriesId().orElse("") + ":booked");
    }

    public Optional<EmailMessage> seriesCancelled(List<Booking> cancelled) {
        Booking first = cancelled.get(0);
        return mail(Kind.SERIES_CANCELLED, cancelled, cancelled, List.of(),
                "bookings:series-cancel:" + first.id() + ":" + first.sequence());
    }

    /** The series ended after missed check-ins; {@code released} are its following occurrences, now cancelled. */
    public Optional<EmailMessage> seriesEnded(Booking lastMissed, List<Booking> released) {
        List<Booking> all = new ArrayList<>();
        all.add(lastMissed);
        all.addAll(released);
        // the calendar cancels the following occurrences (or, when there are none, the missed one)
        return mail(Kind.SERIES_ENDED, all, released.isEmpty() ? List.of(lastMissed) : released, List.of(),
                "bookings:series-ended:" + lastMissed.seriesId().orElse(lastMissed.id()));
    }

    private Optional<EmailMessage> mail(Kind kind, Booking b) {
        return mail(kind, List.of(b), List.of(b), List.of(), dedupeKey(b));
    }

    private Optional<EmailMessage> mail(Kind kind, List<Booking> bookings, List<Booking> inCalendar,
                                        List<Skipped> skipped, String dedupeKey) {
        Booking b = bookings.get(0);
        if (b.organiserEmail().isEmpty()) {
            return Optional.empty();
        }
        Optional<DirectoryReader.PersonCard> person = directory.personByEmail(b.organiserEmail());
        Language language = person.map(DirectoryReader.PersonCard::language).orElse(Language.NL);
        String name = person.map(DirectoryReader.PersonCard::name).orElse(null);
        String sender = settings.require("SENDER_EMAIL");
        int count = kind == Kind.SERIES_ENDED ? bookings.size() - 1 : bookings.size();
        RenderedEmail content = BookingMailText.TEMPLATE.render(language, new Model(kind, b, count, skipped),
                settings.officeName());
        byte[] ics = Ics.invitation(inCalendar, sender, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Attachment attachment = inCalendar.get(0).isActive() ? Attachment.calendarRequest("booking.ics", ics)
                : new Attachment("booking.ics", Attachment.CALENDAR_CANCEL, ics);
        EmailMessage message = EmailMessage.of(EmailAddress.of(sender, settings.officeName()),
                name == null ? EmailAddress.of(b.organiserEmail()) : EmailAddress.of(b.organiserEmail(), name),
                language, content, dedupeKey).withAttachment(attachment);
        return Optional.of(message);
    }
}
