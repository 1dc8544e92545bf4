package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.List;
import nl.spil.testkit.HttpAnswer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The budget report as JSON and as CSV, read by the office manager and by management. */
class ReportsTest {

    private static final BudgetFunction FN = BudgetFunction.get();
    private static String cc;
    /** Categories of this test's own (categories are organisation-wide), in this order by code. */
    private static final String CATERING = BudgetFunction.code("a-catering-");
    private static final String TRAVEL = BudgetFunction.code("b-travel-");

    @BeforeAll
    static void books() {
        cc = BudgetFunction.code("RP");
        FN.costCentre(cc, FN.person("Max Visser", "en", "management"));
        FN.category(CATERING, "Catering & koffie");
        FN.category(TRAVEL, "=cmd|' /C calc'!A0");
        FN.budget(cc, CATERING, 2027, 12_000_00);
        FN.expense(cc, CATERING, "2027-01-10", 900_00);
        FN.expense(cc, CATERING, "2027-02-10", 1100_00);
        FN.expense(cc, CATERING, "2027-03-10", 700_00);
        FN.expense(cc, TRAVEL, "2027-03-11", 123_45);
    }

    @Test
    void managementReadsBudgetActualCommittedVarianceForecastAndStatusPerCategory() {
        HttpAnswer answer = FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", cc));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("year").asInt()).isEqualTo(2027);
        assertThat(report.path("month").asInt()).isEqualTo(3);
        JsonNode costCentre = report.path("costCentres").get(0);
        assertThat(costCentre.path("code").asText()).isEqualTo(cc);
        JsonNode catering = costCentre.path("categories").get(0);
        assertThat(catering.path("categoryName").asText()).isEqualTo("Catering & koffie");
        JsonNode f = catering.path("figures");
        assertThat(f.path("budgetYear").path("amountCents").asLong()).isEqualTo(12_000_00);
        assertThat(f.path("budgetToDate").path("amountCents").asLong()).isEqualTo(3000_00);
        assertThat(f.path("actualToDate").path("amountCents").asLong()).isEqualTo(2700_00);
        assertThat(f.path("committed").path("amountCents").asLong()).isZero();
        assertThat(f.path("available").path("amountCents").asLong()).isEqualTo(9300_00);
        assertThat(f.path("variance").path("amountCents").asLong()).isEqualTo(300_00);
        assertThat(f.path("varianceBasisPoints").asLong()).isEqualTo(1000);
        assertThat(f.path("usedBasisPoints").asLong()).isEqualTo(9000);
        assertThat(f.path("forecastYearEnd").path("runRate").path("amountCents").asLong()).isEqualTo(10_800_00);
        assertThat(f.path("forecastYearEnd").path("phasing").path("amountCents").asLong()).isEqualTo(10_800_00);
        assertThat(f.path("status").asText()).isEqualTo("watch");
        JsonNode travel = costCentre.path("categories").get(1).path("figures");
        assertThat(travel.path("status").asText()).isEqualTo("over");
        assertThat(travel.has("varianceBasisPoints")).isFalse();
        assertThat(costCentre.path("total").path("actualToDate").path("amountCents").asLong()).isEqualTo(2823_45);

        // the month defaults to this month (April, by the test clock) for this year
        HttpAnswer noMonth = FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", cc).queryParameter("month", null));
        assertThat(noMonth.json().path("month").asInt()).isEqualTo(4);
        assertThat(FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", "NOSUCH")).status()).isEqualTo(404);
        assertThat(FN.send(BudgetFunction.event("budget-report.json").queryParameter("month", "13")).problemFields())
                .containsExactly("month");
        assertThat(FN.send(BudgetFunction.event("budget-report.json").queryParameter("year", null)).problemFields())
                .containsExactly("year");
        // every cost centre: this one among them
        HttpAnswer all = FN.send(BudgetFunction.event("budget-report.json").queryParameter("costCentre", null));
        assertThat(all.json().path("costCentres").findValuesAsText("code")).contains(cc);
    }

    @Test
    void theCsvComesAsRfc4180AndAsTheDutchSpreadsheetVariant() throws Exception {
        HttpAnswer dutch = FN.send(BudgetFunction.event("budget-report-csv.json").queryParameter("costCentre", cc));
        assertThat(dutch.status()).as(dutch.toString()).isEqualTo(200);
        assertThat(dutch.header("Content-Type")).startsWith("text/csv");
        assertThat(dutch.header("Content-Disposition")).isEqualTo("attachment; filename=\"budget-2027-03-" + cc + ".csv\"");
        assertThat(dutch.body()).startsWith("\uFEFFJaar;Maand;Kostenplaats");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').get()
                .parse(new StringReader(dutch.body().substring(1))).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(8)).isEqualTo("2700,00");
        assertThat(rows.get(2).get(5)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.get(3).get(5)).isEqualTo("Totaal");

        HttpAnswer plain = FN.send(BudgetFunction.event("budget-report-csv.json").queryParameter("costCentre", cc)
                .queryParameter("separator", null).header("accept-language", "en"));
        assertThat(plain.header("Content-Type")).contains("header=present");
        assertThat(plain.body()).startsWith("Year,Month,Cost centre").contains("\r\n");
        List<CSVRecord> rfc = CSVFormat.RFC4180.parse(new StringReader(plain.body())).getRecords();
        assertThat(rfc.get(1).get(8)).isEqualTo("2700.00");
        assertThat(rfc.get(1).get(12)).isEqualTo("10.00");
        assertThat(FN.send(BudgetFunction.event("budget-report-csv.json").queryParameter("separator", "tab")).problemFields())
                .containsExactly("separator");
    }
}
