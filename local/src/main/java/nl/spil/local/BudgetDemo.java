package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Demo budget through the budget function's own routes: two cost centres owned by demo people,
 * four categories, this year's budgets (one phased with a December party) and expenses in every
 * month so far, so the report, the CSV and the monthly e-mail have something to show; and, when
 * stock has the route, each site's purchasing defaults, so a purchase order lands on a budget.
 */
final class BudgetDemo {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String[][] CATEGORIES = {{"office-supplies", "Kantoorartikelen"}, {"catering", "Catering & koffie"},
            {"facilities", "Facilitair"}, {"travel", "Reizen"}};

    private final DemoData demo;
    private final LocalCloud cloud;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int expenses;

    BudgetDemo(DemoData demo, LocalCloud cloud) {
        this.demo = demo;
        this.cloud = cloud;
    }

    void seed(String manager) {
        if (!hasRoute("POST", "/cost-centres")) {
            return;
        }
        Map<String, String> people = new HashMap<>();
        JsonNode list = send(manager, "GET", "/people?limit=200", null);
        if (list != null) {
            list.path("items").forEach(p -> people.put(p.path("email").asText(), p.path("id").asText()));
        }
        String olga = people.get("olga@example.org");
        String max = people.get("max@example.org");
        if (olga == null || max == null) {
            return; // no directory people to own the cost centres
        }
        send(manager, "POST", "/cost-centres", "{\"code\":\"OPS\",\"name\":\"Operations\",\"ownerId\":\"" + olga + "\"}");
        send(manager, "POST", "/cost-centres", "{\"code\":\"MGT\",\"name\":\"Directie\",\"ownerId\":\"" + max + "\"}");
        for (String[] c : CATEGORIES) {
            send(manager, "POST", "/budget-categories", "{\"code\":\"" + c[0] + "\",\"name\":" + Json.quote(c[1]) + "}");
        }
        LocalDate today = LocalDate.now(ZONE);
        int year = today.getYear();
        budget(manager, year, "OPS", "office-supplies", 6_000_00, null);
        budget(manager, year, "OPS", "catering", 12_000_00, "[" + "{\"amountCents\":80000,\"currency\":\"EUR\"},".repeat(11)
                + "{\"amountCents\":320000,\"currency\":\"EUR\"}]");
        budget(manager, year, "OPS", "facilities", 24_000_00, null);
        budget(manager, year, "MGT", "travel", 8_000_00, null);
        budget(manager, year, "MGT", "catering", 3_000_00, null);
        for (int m = 1; m <= today.getMonthValue(); m++) {
            expense(manager, today, year, m, 3, "OPS", "facilities", 1950_00, "Schoonmaakbedrijf Glans", "Schoonmaak");
            expense(manager, today, year, m, 8, "OPS", "office-supplies", 430_00 + (m * 1700L % 9000), "Kantoorartikelen Jansen",
                    "Papier, pennen en toner");
            expense(manager, today, year, m, 14, "OPS", "catering", 690_00 + (m * 3700L % 12000), "Koffie & Co",
                    "Koffiebonen en lunches");
            if (m % 3 == 2) {
                expense(manager, today, year, m, 20, "MGT", "travel", 1650_00, "NS Zakelijk", "Treinreizen directie");
            }
        }
        demo.seeded().add("2 cost centres, 4 categories, 5 budgets for " + year + ", " + expenses + " expenses");
        if (hasRoute("PUT", "/stock/sites/{siteId}/purchasing")) {
            JsonNode sites = send(manager, "GET", "/sites", null);
            if (sites != null) {
                sites.path("items").forEach(s -> send(manager, "PUT", "/stock/sites/" + s.path("id").asText() + "/purchasing",
                        "{\"costCentre\":\"OPS\",\"category\":\"office-supplies\"}"));
            }
        }
    }

    private void budget(String manager, int year, String costCentre, String category, long cents, String months) {
        send(manager, "POST", "/budgets", "{\"year\":" + year + ",\"costCentre\":\"" + costCentre + "\",\"category\":\"" + category
                + "\",\"amount\":{\"amountCents\":" + cents + ",\"currency\":\"EUR\"}" + (months == null ? "" : ",\"months\":" + months)
                + "}");
    }

    private void expense(String manager, LocalDate today, int year, int month, int day, String costCentre, String category,
                         long cents, String supplier, String description) {
        LocalDate date = LocalDate.of(year, month, day);
        if (date.isAfter(today)) {
            return;
        }
        if (send(manager, "POST", "/expenses", "{\"date\":\"" + date + "\",\"amount\":{\"amountCents\":" + cents
                + ",\"currency\":\"EUR\"},\"supplier\":" + Json.quote(supplier) + ",\"description\":" + Json.quote(description)
                + ",\"costCentre\":\"" + costCentre + "\",\"category\":\"" + category + "\"}") != null) {
            expenses++;
        }
    }

    private boolean hasRoute(String method, String path) {
        return cloud.apiRoutes().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    private JsonNode send(String user, String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + demo.token(user))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                cloud.options().out().println("demo data: " + method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body().replaceAll("\\s+", " "));
                return null;
            }
            return Json.read(response.body());
        } catch (IOException e) {
            cloud.options().out().println("demo data: " + method + " " + path + " failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
