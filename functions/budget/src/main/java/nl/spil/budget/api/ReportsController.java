package nl.spil.budget.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import java.nio.charset.StandardCharsets;
import nl.spil.budget.api.Views.ReportView;
import nl.spil.budget.app.ReadingReports;
import nl.spil.budget.domain.BudgetReport;
import nl.spil.budget.domain.ReportCsv;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;

/** Budget against actual, for the office manager and management (who only read here). */
@Controller("/reports")
public class ReportsController {

    private final ReadingReports reports;

    ReportsController(ReadingReports reports) {
        this.reports = reports;
    }

    @Get("/budget")
    @Allow({Role.OFFICE_MANAGER, Role.MANAGEMENT})
    ReportView report(@Nullable @QueryValue String year, @Nullable @QueryValue String month,
                      @Nullable @QueryValue String costCentre) {
        return ReportView.of(read(year, month, costCentre));
    }

    /**
     * The same as CSV: RFC 4180 with a decimal point, or with {@code separator=semicolon} the variant
     * Dutch spreadsheets open as columns (decimal comma, byte order mark). Headers in the
     * Accept-Language (without one: Dutch for the semicolon variant, else English).
     */
    @Get("/budget.csv")
    @Allow({Role.OFFICE_MANAGER, Role.MANAGEMENT})
    HttpResponse<String> csv(@Nullable @QueryValue String year, @Nullable @QueryValue String month,
                             @Nullable @QueryValue String costCentre, @Nullable @QueryValue String separator,
                             @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ReportCsv.Dialect dialect = dialect(separator);
        BudgetReport report = read(year, month, costCentre);
        // headers in the asked language; without one, Dutch for the Dutch spreadsheet and English otherwise
        Language fallback = dialect == ReportCsv.Dialect.DUTCH_SPREADSHEET ? Language.NL : Language.EN;
        byte[] csv = reports.csv(report, dialect, Language.fromAcceptLanguage(acceptLanguage, fallback));
        String name = "budget-" + report.year() + "-" + (report.month() < 10 ? "0" : "") + report.month()
                + (report.costCentres().size() == 1 ? "-" + report.costCentres().get(0).code() : "") + ".csv";
        return HttpResponse.ok(new String(csv, StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8" + (dialect == ReportCsv.Dialect.RFC4180 ? "; header=present" : ""))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    private BudgetReport read(String year, String month, String costCentre) {
        return reports.report(BudgetRequests.year(year, "year"), BudgetRequests.month(month),
                BudgetRequests.optionalCode(costCentre, "costCentre"));
    }

    private static ReportCsv.Dialect dialect(String separator) {
        if (separator == null || separator.isBlank() || separator.equals("comma")) {
            return ReportCsv.Dialect.RFC4180;
        }
        if (separator.equals("semicolon")) {
            return ReportCsv.Dialect.DUTCH_SPREADSHEET;
        }
        throw ProblemException.badRequest("separator", "must be comma (RFC 4180) or semicolon (Dutch spreadsheets)");
    }
}
