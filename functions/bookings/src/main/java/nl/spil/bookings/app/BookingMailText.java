package nl.spil.bookings.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.bookings.domain.Booking;
import nl.spil.bookings.domain.Skipped;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;

/** The text of the organiser's e-mails, in Dutch and English (the subject and body of each kind). */
final class BookingMailText {

    enum Kind { CONFIRMED, CHANGED, CANCELLED, RELEASED, SERIES_BOOKED, SERIES_CANCELLED, SERIES_ENDED }

    /** The first booking, how many in all, and the occurrences that could not be booked and why. */
    record Model(Kind kind, Booking booking, int count, List<Skipped> skipped) {
    }

    /** A series mail lists at most this many occurrences not booked, then says how many more. */
    static final int SKIPPED_LISTED = 20;

    /** Why an occurrence was not booked, said in Dutch (English uses the refusal's own detail). */
    private static final Map<String, String> WHY_NL = Map.of(
            "slot-taken", "al geboekt",
            "booking-too-far-ahead", "verder vooruit dan deze ruimte geboekt kan worden",
            "outside-bookable-hours", "buiten de uren of dagen waarop deze ruimte geboekt kan worden",
            "booking-too-soon", "te kort van tevoren",
            "booking-too-long", "langer dan deze ruimte geboekt kan worden",
            "not-on-quarter-hours", "niet op een kwartier");

    private BookingMailText() {
    }

    static final EmailTemplate<Model> TEMPLATE = EmailTemplate.of(
            (lang, m) -> subject(lang, m) + m.booking().resourceName() + ", "
                    + MailDates.dateTime(lang, m.booking().start().atZone(m.booking().zone())),
            (lang, m, body) -> {
                Booking b = m.booking();
                body.paragraph(opening(lang, m));
                if (!m.skipped().isEmpty()) {
                    body.paragraph(lang.pick(m.skipped().size() + " keer kon niet geboekt worden:",
                            m.skipped().size() + " occurrence(s) could not be booked:"));
                    body.table(List.of(lang.pick("Wanneer", "When"), lang.pick("Waarom niet", "Why not")), skippedRows(lang, m));
                }
                body.row(lang.pick("Wat", "What"), b.title())
                        .row(lang.pick("Waar", "Where"), b.resourceName())
                        .row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, b.start().atZone(b.zone()))
                                + " - " + MailDates.time(b.end().atZone(b.zone()).toLocalTime()));
                b.notes().ifPresent(n -> body.row(lang.pick("Voorbereiding", "Preparation"), n));
            });

    private static String subject(Language lang, Model m) {
        return switch (m.kind()) {
            case CONFIRMED -> lang.pick("Geboekt: ", "Booked: ");
            case CHANGED -> lang.pick("Gewijzigd: ", "Changed: ");
            case CANCELLED -> lang.pick("Geannuleerd: ", "Cancelled: ");
            case RELEASED -> lang.pick("Vrijgegeven (niet ingecheckt): ", "Released (no check-in): ");
            case SERIES_BOOKED -> m.skipped().isEmpty()
                    ? lang.pick("Reeks geboekt (" + m.count() + "x): ", "Series booked (" + m.count() + "x): ")
                    : lang.pick("Reeks geboekt (" + m.count() + " van " + (m.count() + m.skipped().size()) + "x): ",
                            "Series booked (" + m.count() + " of " + (m.count() + m.skipped().size()) + "x): ");
            case SERIES_CANCELLED -> lang.pick("Reeks geannuleerd (" + m.count() + "x): ", "Series cancelled (" + m.count() + "x): ");
            case SERIES_ENDED -> lang.pick("Reeks beëindigd na 3 keer niet ingecheckt: ", "Series ended after 3 missed check-ins: ");
        };
    }

    private static String opening(Language lang, Model m) {
        return switch (m.kind()) {
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
        };
    }

    private static List<List<String>> skippedRows(Language lang, Model m) {
        List<List<String>> rows = new ArrayList<>();
        for (Skipped s : m.skipped().subList(0, Math.min(SKIPPED_LISTED, m.skipped().size()))) {
            String why = lang == Language.NL ? WHY_NL.getOrDefault(s.why().slug(), s.why().detail()) : s.why().detail();
            rows.add(List.of(MailDates.dateTime(lang, s.start().atZone(m.booking().zone())), why));
        }
        int more = m.skipped().size() - rows.size();
        if (more > 0) {
            rows.add(List.of(lang.pick("en nog " + more + " keer", "and " + more + " more"), ""));
        }
        return rows;
    }
}
