package nl.spil.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spil.budget.app.ReportingMonthly;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.Events;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The monthly report through its real handler: on the first working day at 07:00 in the
 * organisation's zone, an HTML e-mail with the summary and a bar chart per cost centre (table
 * cells, no SVG, no images) to each person in management, and the full CSV in the files bucket
 * under a stable key with a 7-day link. Fired again for the same month: nothing more.
 */
class MonthlyReportTest {

    private static final BudgetFunction FN = BudgetFunction.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSV_LINK = Pattern.compile("(https?://\\S+budget-report-\\d{4}-\\d{2}\\.csv\\S*)");

    private static OutboxItem.Email mail(String month, String personId) {
        return (OutboxItem.Email) FN.outbox("budget:monthly-report:" + month + ":" + personId)
                .orElseThrow(() -> new AssertionError("no monthly report " + month + " for " + personId));
    }

    private static long versions(String key) {
        return FN.aws.s3().listObjectVersions(b -> b.bucket(FN.bucket()).prefix(key)).versions().size();
    }

    @Test
    void managementGetsTheReportWithChartsAndACsvLinkOnceOnTheFirstWorkingDay() throws Exception {
        String director = FN.person("Max Visser", "en", "management", "staff");
        String directrice = FN.person("Fleur de Boer", "nl", "management");
        String cc = BudgetFunction.code("MR");
        FN.costCentre(cc, director);
        String catering = BudgetFunction.code("catering-"); // categories are organisation-wide: this test's own
        String supplies = BudgetFunction.code("supplies-");
        FN.category(catering, "Catering & koffie");
        FN.category(supplies, "Office supplies");
        FN.budget(cc, catering, 2027, 12_000_00);
        FN.budget(cc, supplies, 2027, 6_000_00);
        FN.expense(cc, catering, "2027-03-15", 2700_00);
        FN.expense(cc, supplies, "2027-02-01", 2000_00);

        @SuppressWarnings("unchecked")
        Map<String, Object> tick = Events.load("budget/monthly-report.json", Map.class); // Thursday 1 April 2027, 07:00 in Amsterdam
        assertThat(FN.runMonthly("2027-04-01T04:59:00Z")).containsEntry("outcome", "not due before 2027-04-01T07:00");
        Map<String, Object> run = FN.runMonthly((String) tick.get("scheduledTime"));
        assertThat(run).containsEntry("month", "2027-03").containsEntry("outcome", "sent");
        String key = ReportingMonthly.objectKey(java.time.YearMonth.of(2027, 3));
        assertThat(run).containsEntry("objectKey", key);
        assertThat(key).isEqualTo("budget/reports/2027-03/budget-report-2027-03.csv");

        OutboxItem.Email english = mail("2027-03", director);
        assertThat(english.message().content().subject()).isEqualTo("Budget report March 2027");
        String html = english.message().content().html();
        assertThat(html).contains("Cost centre " + cc, "Catering &amp; koffie", "Office supplies")
                .doesNotContain("<svg", "<img", "src=", "url(", "<script", "class=");
        // the charts: budget and actual bars as table cells of a width in percent, per category
        assertThat(html).contains("width=\"100%\" height=\"12\" bgcolor=\"#9ca3af\"")   // catering budget to date 3,000.00: the longest
                .contains("width=\"90%\" height=\"12\" bgcolor=\"#d97706\"")             // catering actual 2,700.00: 90 %, watch
                .contains("width=\"50%\" height=\"12\" bgcolor=\"#9ca3af\"")             // supplies budget to date 1,500.00
                .contains("width=\"67%\" height=\"12\" bgcolor=\"#dc2626\"");            // supplies actual 2,000.00: over
        assertThat(count(html, "<table")).isEqualTo(count(html, "</table>"));
        assertThat(english.message().content().text()).contains("Catering & koffie", "##########", "over budget");
        assertThat(mail("2027-03", directrice).message().content().subject()).isEqualTo("Budgetrapportage maart 2027");

        Matcher link = CSV_LINK.matcher(english.message().content().text());
        assertThat(link.find()).isTrue();
        String url = link.group(1);
        assertThat(url).contains("X-Amz-Expires=604800");
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertThat(rows.get(0).get(2)).isEqualTo("Cost centre");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(2)).isEqualTo(cc);
            assertThat(r.get(4)).isEqualTo(catering);
            assertThat(r.get(8)).isEqualTo("2700.00");
        });
        byte[] stored = FN.aws.s3().getObjectAsBytes(b -> b.bucket(FN.bucket()).key(key)).asByteArray();
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(csv.body());

        // fired again for the same month (a retry, a hand-fired run, the 2nd of the month): nothing more
        assertThat(FN.runMonthly((String) tick.get("scheduledTime"))).containsEntry("outcome", "sent before").containsEntry("emails", 0);
        assertThat(FN.runMonthly("2027-04-02T05:00:00Z")).containsEntry("outcome", "sent before");
        assertThat(versions(key)).isEqualTo(1);
        assertThat(mail("2027-03", director).id()).isEqualTo(english.id());
    }

    @Test
    void theFirstWorkingDayIsNeitherAWeekendNorNewYearsDay() {
        assertThat(ReportingMonthly.firstWorkingDay(java.time.YearMonth.of(2027, 5))).isEqualTo("2027-05-03"); // 1 May: Saturday
        assertThat(ReportingMonthly.firstWorkingDay(java.time.YearMonth.of(2027, 1))).isEqualTo("2027-01-04"); // Friday 1 January
        assertThat(ReportingMonthly.firstWorkingDay(java.time.YearMonth.of(2028, 1))).isEqualTo("2028-01-03"); // Saturday 1st
        assertThat(ReportingMonthly.firstWorkingDay(java.time.YearMonth.of(2027, 8))).isEqualTo("2027-08-02"); // Sunday 1st
        // Saturday 1 May 07:00: the April report is not due yet; Monday 3 May it is
        assertThat(FN.runMonthly("2027-05-01T05:00:00Z")).containsEntry("month", "2027-04")
                .extractingByKey("outcome").asString().startsWith("not due");
        assertThat(FN.runMonthly("2027-05-03T05:00:00Z")).containsEntry("month", "2027-04").containsEntry("outcome", "sent");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
