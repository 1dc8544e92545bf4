package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The budget on the local cloud, as the office manager and management live it, over HTTP with
 * real tokens: Olga receives a purchase order in stock, and the budget report shows it as actual
 * with its commitment gone (stock's outbox, the notifier, the event bus and the budget's consumer
 * in between); an expense takes the category across 80 % and the alert reaches the local mail
 * page; the monthly report, fired by hand, arrives with its chart and a CSV link that downloads
 * from the local S3, once however often it is fired.
 */
class BudgetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern CSV_LINK = Pattern.compile("(https?://\\S+budget-report-\\d{4}-\\d{2}\\.csv\\S*)");

    @Test
    void aReceivedOrderBecomesActualAnExpenseAlertsAndTheMonthlyReportArrivesOnce() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String olga = cloud.token("olga");
        String max = cloud.token("max");
        LocalDate today = LocalDate.now(ZONE);
        int year = today.getYear();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String cc = "IT" + unique;
        String category = "it-" + unique;
        String categoryName = "Acceptance " + unique;

        // the budget: a cost centre owned by Max (management), a category, this year's budget
        String maxId = null;
        for (JsonNode p : json(RunningCloud.send("GET", "/people?limit=200", olga, null)).path("items")) {
            if (p.path("email").asText().equals("max@example.org")) {
                maxId = p.path("id").asText();
            }
        }
        assertThat(maxId).as("Max in the demo directory").isNotNull();
        created(RunningCloud.send("POST", "/cost-centres", olga,
                "{\"code\":\"" + cc + "\",\"name\":\"Acceptance " + unique + "\",\"ownerId\":\"" + maxId + "\"}"));
        created(RunningCloud.send("POST", "/budget-categories", olga, "{\"code\":\"" + category + "\",\"name\":\"" + categoryName + "\"}"));
        created(RunningCloud.send("POST", "/budgets", olga, "{\"year\":" + year + ",\"costCentre\":\"" + cc + "\",\"category\":\""
                + category + "\",\"amount\":{\"amountCents\":1200000,\"currency\":\"EUR\"}}"));

        // stock: Olga orders 40 reams at 5.00 on this cost centre and category, sends and receives the order
        String siteId = json(RunningCloud.send("GET", "/sites", olga, null)).path("items").get(0).path("id").asText();
        String supplierId = created(RunningCloud.send("POST", "/suppliers", olga,
                "{\"name\":\"Papier " + unique + "\",\"email\":\"orders." + unique + "@example.com\",\"leadTimeDays\":2}")).path("id").asText();
        String itemId = created(RunningCloud.send("POST", "/stock/items", olga, "{\"siteId\":\"" + siteId + "\",\"sku\":\"IT-" + unique
                + "\",\"name\":\"Paper A4\",\"unit\":\"ream\",\"quantity\":3,\"minimum\":10,\"reorderUpTo\":40,\"unitPriceCents\":500,"
                + "\"supplierId\":\"" + supplierId + "\"}")).path("id").asText();
        String orderId = created(RunningCloud.send("POST", "/purchase-orders", olga, "{\"siteId\":\"" + siteId + "\",\"supplierId\":\""
                + supplierId + "\",\"costCentre\":\"" + cc + "\",\"category\":\"" + category + "\",\"lines\":[{\"itemId\":\"" + itemId
                + "\",\"quantity\":40}]}")).path("id").asText();
        HttpResponse<String> sent = RunningCloud.send("POST", "/purchase-orders/" + orderId + "/send", olga, null);
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 202);
        JsonNode committed = awaitFigures(max, cc, category, f -> cents(f, "committed") == 200_00);
        assertThat(cents(committed, "actualToDate")).isZero();
        HttpResponse<String> received = RunningCloud.send("POST", "/purchase-orders/" + orderId + "/receive", olga, "{}"); // in full
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        JsonNode actual = awaitFigures(max, cc, category, f -> cents(f, "actualToDate") == 200_00 && cents(f, "committed") == 0);
        assertThat(cents(actual, "available")).isEqualTo(12_000_00 - 200_00);

        // an expense takes the category across 80 % of its budget to date: the alert reaches the mail page
        long budgetToDate = 1000_00L * today.getMonthValue();
        long needed = Math.max(1, (budgetToDate * 8 + 9) / 10 - 200_00);
        created(RunningCloud.send("POST", "/expenses", olga, "{\"date\":\"" + today + "\",\"amount\":{\"amountCents\":" + needed
                + ",\"currency\":\"EUR\"},\"supplier\":\"Bakkerij\",\"description\":\"Lunches\",\"costCentre\":\"" + cc
                + "\",\"category\":\"" + category + "\"}"));
        Mail.Sent alert = awaitMail(cloud, m -> m.to().contains("max@example.org") && m.subject() != null
                && m.subject().startsWith("Budget nearly spent: " + categoryName));
        assertThat(alert.subject()).contains("Acceptance " + unique);
        assertThat(RunningCloud.send("GET", "/local/mail", null, null).body()).contains("Budget nearly spent: " + categoryName);
        Thread.sleep(2000);
        assertThat(new Mail(cloud.aws()).messages().stream().filter(m -> m.to().contains("max@example.org") && m.subject() != null
                && m.subject().startsWith("Budget nearly spent: " + categoryName))).hasSize(1);

        // the monthly report, fired by hand for the first working day of next month at 07:00
        YearMonth next = YearMonth.from(today).plusMonths(1);
        LocalDate first = next.atDay(1);
        while (first.getDayOfWeek() == DayOfWeek.SATURDAY || first.getDayOfWeek() == DayOfWeek.SUNDAY
                || (first.getMonthValue() == 1 && first.getDayOfMonth() == 1)) {
            first = first.plusDays(1);
        }
        String at = first.atTime(7, 0).atZone(ZONE).toOffsetDateTime().toString();
        HttpResponse<String> fired = RunningCloud.send("POST", "/local/schedules/BudgetMonthlyReportFunction/MonthlyReport?at="
                + java.net.URLEncoder.encode(at, StandardCharsets.UTF_8), null, null);
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
        JsonNode run = JSON.readTree(fired.body());
        assertThat(run.path("outcome").asText()).as(fired.body()).isEqualTo("sent");
        YearMonth reported = YearMonth.parse(run.path("month").asText());
        String subject = "Budget report " + reported.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
                + " " + reported.getYear();
        Mail.Sent report = awaitMail(cloud, m -> m.to().contains("max@example.org") && subject.equals(m.subject()));
        List<Mail.Leaf> parts = Mail.leaves(Mail.parse(report.raw()));
        String html = parts.stream().filter(p -> p.contentType().toLowerCase().startsWith("text/html"))
                .map(p -> new String(p.content(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        String text = parts.stream().filter(p -> p.contentType().toLowerCase().startsWith("text/plain"))
                .map(p -> new String(p.content(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(html).contains("bgcolor=\"#9ca3af\"", "height=\"12\"").doesNotContain("<svg", "<img", "src=");
        Matcher link = CSV_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(link.group(1)).contains("X-Amz-Expires=604800");
        HttpResponse<String> csv = RunningCloud.HTTP.send(HttpRequest.newBuilder(URI.create(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Year,Month,Cost centre,");
        if (reported.getYear() == year) {
            assertThat(csv.body()).contains(cc + ",Acceptance " + unique + "," + category + "," + categoryName);
            assertThat(html).contains(categoryName);
        }

        // fired again for the same month: no second e-mail, no second object
        HttpResponse<String> again = RunningCloud.send("POST", "/local/schedules/BudgetMonthlyReportFunction/MonthlyReport?at="
                + java.net.URLEncoder.encode(at, StandardCharsets.UTF_8), null, null);
        assertThat(JSON.readTree(again.body()).path("outcome").asText()).isEqualTo("sent before");
        Thread.sleep(3000);
        assertThat(new Mail(cloud.aws()).messages().stream().filter(m -> m.to().contains("max@example.org") && subject.equals(m.subject())))
                .hasSize(1);
    }

    private static long cents(JsonNode figures, String field) {
        return figures.path(field).path("amountCents").asLong();
    }

    /** The category's figures in Max's report of this cost centre, once they satisfy {@code wanted}. */
    private static JsonNode awaitFigures(String token, String cc, String category, Predicate<JsonNode> wanted) throws Exception {
        int year = LocalDate.now(ZONE).getYear();
        long deadline = System.nanoTime() + 90_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode report = json(RunningCloud.send("GET", "/reports/budget?year=" + year + "&costCentre=" + cc, token, null));
            for (JsonNode line : report.path("costCentres").get(0).path("categories")) {
                if (line.path("category").asText().equals(category)) {
                    last = line.path("figures");
                    if (wanted.test(last)) {
                        return last;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the budget report never showed it within 90 s; last figures " + last
                + "; see the notifier's and BudgetEventsFunction's logs");
    }

    private static Mail.Sent awaitMail(LocalCloud cloud, Predicate<Mail.Sent> wanted) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Mail.Sent> found = new Mail(cloud.aws()).messages().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no such e-mail reached the local SES within 90 s; see the notifier's log");
    }

    private static JsonNode created(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return JSON.readTree(r.body());
    }
}
