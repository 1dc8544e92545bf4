package nl.spil.platform.mail;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import nl.spil.platform.i18n.Language;

/**
 * Dates and times written the way people read them in e-mails:
 * "dinsdag 14 mei 2025 om 09:30" / "Tuesday 14 May 2025 at 09:30".
 * Zoned values are shown in their own zone (convert to the office's zone first).
 */
public final class MailDates {
    private static final DateTimeFormatter NL_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Language.NL.locale());
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Language.EN.locale());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private MailDates() {}

    /** "dinsdag 14 mei 2025" / "Tuesday 14 May 2025". */
    public static String date(Language language, LocalDate date) {
        return language.pick(NL_DATE, EN_DATE).format(date);
    }

    /** "09:30" (24-hour clock in both languages). */
    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** "dinsdag 14 mei 2025 om 09:30" / "Tuesday 14 May 2025 at 09:30". */
    public static String dateTime(Language language, ZonedDateTime dateTime) {
        return date(language, dateTime.toLocalDate()) + language.pick(" om ", " at ")
                + time(dateTime.toLocalTime());
    }
}
