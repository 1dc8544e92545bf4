package nl.spil.budget.app;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spil.budget.domain.BudgetReport;
import nl.spil.budget.domain.ReportCsv;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Role;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;

/**
 * The monthly report to management: from the first working day of a month (Monday to Friday, not
 * 1 January) at 07:00 in the organisation's zone, the previous month's report goes out once: the
 * full CSV stored under a stable key in the files bucket ({@code budget/reports/<yyyy-mm>/…}, written
 * only if absent) and an e-mail to each person in management with the summary, the charts and a
 * 7-day link to the CSV. A marker item written with the e-mails makes every later run for that month
 * (a retry, a second schedule, a hand-fired one) do nothing. A run before the month's report is due
 * does nothing either, and a run after it (the schedule fires on the 1st to the 4th) catches up.
 */
@Singleton
public class ReportingMonthly {

    public static final Duration LINK_VALID = Duration.ofDays(7);
    static final LocalTime AT = LocalTime.of(7, 0);
    static final int MAX_RECIPIENTS = 99;

    private final ReadingReports reports;
    private final Files files;
    private final Notices notices;
    private final DirectoryReader directory;
    private final Organisation organisation;
    private final Settings settings;

    public ReportingMonthly(ReadingReports reports, Files files, Notices notices, DirectoryReader directory,
                            Organisation organisation, Settings settings) {
        this.reports = reports;
        this.files = files;
        this.notices = notices;
        this.directory = directory;
        this.organisation = organisation;
        this.settings = settings;
    }

    /** What one run did. */
    public record Run(String month, String outcome, int emails, Optional<String> objectKey) {
    }

    public static LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || MonthDay.from(day).equals(MonthDay.of(1, 1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static String objectKey(YearMonth month) {
        return "budget/reports/" + month + "/budget-report-" + month + ".csv";
    }

    public Run run(Instant tick) {
        ZonedDateTime local = tick.atZone(organisation.zone());
        YearMonth current = YearMonth.from(local);
        YearMonth reported = current.minusMonths(1);
        LocalDateTime due = firstWorkingDay(current).atTime(AT);
        if (local.toLocalDateTime().isBefore(due)) {
            return new Run(reported.toString(), "not due before " + due, 0, Optional.empty());
        }
        if (notices.monthlyReportSent(reported)) {
            return new Run(reported.toString(), "sent before", 0, Optional.empty());
        }
        BudgetReport report = reports.report(reported.getYear(), Optional.of(reported.getMonthValue()), Optional.empty());
        String key = objectKey(reported);
        files.putIfAbsent(key, ReportCsv.write(report, ReportCsv.Dialect.RFC4180, Language.EN), "text/csv; charset=utf-8");
        Files.Link link = files.link(key, Optional.empty(), LINK_VALID);
        EmailAddress from = EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName());
        List<Notices.Notice> mails = new ArrayList<>();
        for (PersonCard person : directory.peopleWithAnyRole(List.of(Role.MANAGEMENT.group()))) {
            if (mails.size() == MAX_RECIPIENTS) {
                break;
            }
            String dedupe = "budget:monthly-report:" + reported + ":" + person.personId();
            MonthlyReportMail.Model model = new MonthlyReportMail.Model(report, person.name(), link.url(), link.expiresAt(),
                    organisation.zone());
            mails.add(new Notices.Notice(EmailMessage.of(from, EmailAddress.of(person.email(), person.name()), person.language(),
                    MonthlyReportMail.render(person.language(), model, settings.officeName()), dedupe), dedupe));
        }
        boolean sent = notices.sendMonthlyReport(reported, key, mails);
        return new Run(reported.toString(), sent ? "sent" : "sent before", sent ? mails.size() : 0, Optional.of(key));
    }
}
