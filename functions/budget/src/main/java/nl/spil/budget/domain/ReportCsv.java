package nl.spil.budget.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.spil.platform.i18n.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A budget report as CSV in UTF-8 (commons-csv): RFC 4180 (comma, CRLF, quotes only where needed,
 * decimal point), or the variant Dutch spreadsheets open as columns (semicolon, decimal comma,
 * with a byte order mark so accents survive). Amounts are written from integer cents with two
 * decimals. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) get a leading apostrophe; the numbers we write ourselves are never formulas.
 * One line per category and a total line per cost centre.
 */
public final class ReportCsv {

    /** How the file is laid out. */
    public enum Dialect {
        RFC4180(',', '.', false),
        DUTCH_SPREADSHEET(';', ',', true);

        private final char delimiter;
        private final char decimal;
        private final boolean byteOrderMark;

        Dialect(char delimiter, char decimal, boolean byteOrderMark) {
            this.delimiter = delimiter;
            this.decimal = decimal;
            this.byteOrderMark = byteOrderMark;
        }
    }

    private ReportCsv() {
    }

    public static List<String> header(Language language) {
        return language.pick(
                List.of("Jaar", "Maand", "Kostenplaats", "Naam kostenplaats", "Categorie", "Naam categorie", "Budget jaar",
                        "Budget t/m maand", "Werkelijk t/m maand", "Verplicht", "Beschikbaar", "Afwijking", "Afwijking %",
                        "Prognose (tempo)", "Prognose (fasering)", "Status"),
                List.of("Year", "Month", "Cost centre", "Cost centre name", "Category", "Category name", "Budget year",
                        "Budget to date", "Actual to date", "Committed", "Available", "Variance", "Variance %",
                        "Forecast (run rate)", "Forecast (phasing)", "Status"));
    }

    public static byte[] write(BudgetReport report, Dialect dialect, Language language) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter).setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        StringWriter out = new StringWriter();
        if (dialect.byteOrderMark) {
            out.write('\uFEFF');
        }
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord(header(language));
            for (BudgetReport.CostCentreReport cc : report.costCentres()) {
                for (BudgetReport.Line line : cc.lines()) {
                    csv.printRecord(row(report, cc, line.category(), line.categoryName(), line.figures(), dialect));
                }
                csv.printRecord(row(report, cc, "", language.pick("Totaal", "Total"), cc.total(), dialect));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(BudgetReport report, BudgetReport.CostCentreReport cc, String category, String categoryName,
                                    Figures f, Dialect d) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(report.year()));
        row.add(Integer.toString(report.month()));
        row.add(text(cc.code()));
        row.add(text(cc.name()));
        row.add(text(category));
        row.add(text(categoryName));
        for (long cents : new long[] {f.budgetYear(), f.budgetToDate(), f.actualToDate(), f.committed(), f.available(), f.variance()}) {
            row.add(Cents.decimal(cents, d.decimal));
        }
        row.add(f.varianceBasisPoints().map(bp -> Cents.percent(bp, d.decimal)).orElse(""));
        row.add(Cents.decimal(f.forecast().runRate(), d.decimal));
        row.add(Cents.decimal(f.forecast().phasing(), d.decimal));
        row.add(f.status().code());
        return row;
    }

    /** A text cell a spreadsheet will show as text, never run. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
