package nl.spil.budget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.spil.platform.i18n.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The report as CSV: RFC 4180 and the Dutch spreadsheet variant, amounts from cents, formulas defused. */
class ReportCsvTest {

    private static final Instant T = Instant.parse("2027-01-01T00:00:00Z");

    private static BudgetReport report() {
        CostCentre ops = new CostCentre("OPS", "=HYPERLINK(\"http://evil\"), \"Operations\"", "p1", 1, T, T);
        CategoryYear catering = CategoryYear.empty("OPS", "catering", 2027).withBudget(Budgets.of("OPS", "catering", 2027, Phasing.evenly(12_000_00)))
                .withActual(1, 1234_56).withCommitted(100_00);
        CategoryYear travel = CategoryYear.empty("OPS", "travel", 2027).withActual(1, 5);
        return BudgetReport.of(2027, 1, List.of(ops), Map.of("OPS", List.of(travel, catering)),
                Map.of("catering", new Category("catering", "Catering & koffie", T),
                        "travel", new Category("travel", "-1+1 reizen", T)));
    }

    private static List<CSVRecord> parse(String text, char delimiter) throws IOException {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void rfc4180WithDecimalPointsCrLfAndQuotesOnlyWhereNeeded() throws IOException {
        byte[] bytes = ReportCsv.write(report(), ReportCsv.Dialect.RFC4180, Language.EN);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotStartWith("\uFEFF");
        assertThat(text).contains("\r\n").doesNotContain("\n\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        List<CSVRecord> rows = parse(text, ',');
        assertThat(rows).hasSize(4); // header, catering, travel, total
        assertThat(rows.get(0).toList()).containsExactlyElementsOf(ReportCsv.header(Language.EN));
        CSVRecord catering = rows.get(1);
        assertThat(catering.get(4)).isEqualTo("catering");
        assertThat(catering.get(5)).isEqualTo("Catering & koffie");
        assertThat(catering.get(6)).isEqualTo("12000.00");
        assertThat(catering.get(7)).isEqualTo("1000.00");
        assertThat(catering.get(8)).isEqualTo("1234.56");
        assertThat(catering.get(9)).isEqualTo("100.00");
        assertThat(catering.get(10)).isEqualTo("10665.44");
        assertThat(catering.get(11)).isEqualTo("-234.56");
        assertThat(catering.get(12)).isEqualTo("-23.46");
        assertThat(catering.get(15)).isEqualTo("over");
        assertThat(rows.get(2).get(12)).isEmpty(); // travel has no budget: no percentage
        assertThat(rows.get(3).get(5)).isEqualTo("Total");
        assertThat(rows.get(3).get(8)).isEqualTo("1234.61");
        // a name with quotes and a comma is quoted by RFC 4180 rules and read back whole
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\"), \"\"Operations\"\"\"");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreDefusedButNumbersStayNumbers() throws IOException {
        List<CSVRecord> rows = parse(new String(ReportCsv.write(report(), ReportCsv.Dialect.RFC4180, Language.EN),
                StandardCharsets.UTF_8), ',');
        assertThat(rows.get(1).get(3)).startsWith("'=HYPERLINK");
        assertThat(rows.get(2).get(5)).isEqualTo("'-1+1 reizen");
        assertThat(rows.get(1).get(11)).isEqualTo("-234.56"); // our own negative number is not text
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(ReportCsv.text(formula)).startsWith("'");
        }
        assertThat(ReportCsv.text("Koffie")).isEqualTo("Koffie");
    }

    @Test
    void theDutchVariantHasSemicolonsDecimalCommasDutchHeadersAndAByteOrderMark() throws IOException {
        byte[] bytes = ReportCsv.write(report(), ReportCsv.Dialect.DUTCH_SPREADSHEET, Language.NL);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = parse(text, ';');
        assertThat(rows.get(0).get(2)).isEqualTo("Kostenplaats");
        assertThat(rows.get(1).get(8)).isEqualTo("1234,56");
        assertThat(rows.get(1).get(12)).isEqualTo("-23,46");
        assertThat(rows.get(3).get(5)).isEqualTo("Totaal");
        assertThat(rows.get(1).get(5)).isEqualTo("Catering & koffie");
    }
}
