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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo visitors, through the visitors routes (each step only when the template has its route):
 * house rules and an address for every site, one block-list entry, and for today at the first
 * site three visitors Sam expects, one of whom Rita has checked in.
 */
final class VisitorsDemo {

    private final LocalCloud cloud;
    private final DemoData demo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VisitorsDemo(LocalCloud cloud, DemoData demo) {
        this.cloud = cloud;
        this.demo = demo;
    }

    void seed(String manager, List<String> siteIds) {
        if (siteIds.isEmpty() || !has("POST", "/visits")) {
            return;
        }
        int rules = 0;
        for (String site : siteIds) {
            if (call("PUT", manager, "/sites/" + site + "/house-rules", """
                    {"version":0,"texts":{"nl":"Welkom! Meld je bij de receptie en draag je badge zichtbaar. Wat je hier ziet of hoort over klanten en collega's blijft binnen. Bij een ontruiming volg je de groene bordjes naar de verzamelplaats.",
                    "en":"Welcome! Report to reception and wear your badge visibly. What you see or hear here about clients and colleagues stays here. In an evacuation, follow the green signs to the assembly point."}}""") != null) {
                rules++;
            }
            call("PUT", manager, "/sites/" + site + "/visitor-settings", "{\"version\":0,\"address\":"
                    + Json.quote(siteIds.indexOf(site) == 0 ? "Gustav Mahlerlaan 10\n1082 PP Amsterdam" : "Stationsplein 45\n3013 AK Rotterdam")
                    + ",\"retentionDays\":30}");
        }
        demo.seeded().add("house rules for " + rules + " sites");
        if (call("POST", manager, "/visitor-blocklist", "{\"name\":\"Victor Verboden\",\"email\":\"victor@verboden.example\","
                + "\"reason\":\"Threatened reception staff\",\"until\":\"" + LocalDate.now().plusYears(1) + "\"}") != null) {
            demo.seeded().add("1 block-list entry");
        }
        String site = siteIds.get(0);
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        ZonedDateTime now = ZonedDateTime.now(zone).withSecond(0).withNano(0);
        List<String> ids = new ArrayList<>();
        String[][] visitors = {{"Jürgen Müller", "ACME Logistics", "juergen.mueller@acme.example"},
                {"Anna de Wit", "Gemeente Utrecht", "anna.dewit@utrecht.example"}, {"Piet Bakker", "Bakker Installaties", null}};
        for (int i = 0; i < visitors.length; i++) {
            // later today where the day allows it, else now: every demo visit is today's
            ZonedDateTime at = now.plusHours(i + 1L).toLocalDate().equals(now.toLocalDate()) ? now.plusHours(i + 1L) : now;
            JsonNode made = call("POST", "sam", "/visits", "{\"siteId\":" + Json.quote(site) + ",\"expectedAt\":\"" + at.toOffsetDateTime()
                    + "\",\"minutes\":90,\"purpose\":\"meeting\",\"visitors\":[{\"name\":" + Json.quote(visitors[i][0]) + ",\"company\":"
                    + Json.quote(visitors[i][1]) + (visitors[i][2] == null ? "" : ",\"email\":" + Json.quote(visitors[i][2])) + "}]}");
            if (made != null) {
                ids.add(made.path("items").get(0).path("id").asText());
            }
        }
        int onSite = 0;
        if (!ids.isEmpty() && call("POST", "rita", "/visits/" + ids.get(ids.size() - 1) + "/check-in",
                "{\"houseRules\":{\"version\":1,\"typedName\":\"Piet Bakker\"}}") != null) {
            onSite++;
        }
        demo.seeded().add(ids.size() + " visits today (" + onSite + " on site)");
    }

    private boolean has(String method, String path) {
        return cloud.apiRoutes().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    private JsonNode call(String method, String user, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + demo.token(user)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
