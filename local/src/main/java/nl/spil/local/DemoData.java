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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.spil.localkit.Template;

/**
 * Demo users in the local Cognito (one per role, password {@link LocalCloud#DEMO_PASSWORD}) and demo
 * data created through the functions' own HTTP routes with a demo token, each step only when
 * template.yaml has its route.
 */
final class DemoData {

    /** A demo login. */
    record User(String key, String name, String email, List<String> groups, String language) {
    }

    private static final List<User> USERS = List.of(
            new User("olga", "Olga Jansen", "olga@example.org", List.of("office-manager"), "nl"),
            new User("sam", "Sam de Vries", "sam@example.org", List.of("staff"), "en"),
            new User("rita", "Rita Bakker", "rita@example.org", List.of("reception", "staff"), "nl"),
            new User("max", "Max Visser", "max@example.org", List.of("management", "staff"), "en"));

    private final LocalCloud cloud;
    private final List<User> users = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> seeded = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failedPaths = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String poolId;
    private String clientId;

    DemoData(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** The user pool of the template's (first) app client: the pool the demo users sign in to. */
    synchronized String poolId() {
        if (poolId == null) {
            clientId = cloud.template().resourcesOfType(Cognito.CLIENT).keySet().stream().findFirst()
                    .map(id -> cloud.cognito().physicalIds().get(id))
                    .orElseThrow(() -> new LocalCloud.CannotStart("template.yaml has no " + Cognito.CLIENT + "; demo users need one"));
            poolId = cloud.cognito().poolOf(clientId);
        }
        return poolId;
    }

    /** The template's (first) app client, which the demo users and the local sign-in use. */
    synchronized String clientId() {
        poolId();
        return clientId;
    }

    void createUsers() {
        Set<String> groups = cloud.template().resourcesOfType(Cognito.GROUP).keySet().stream()
                .map(id -> cloud.cognito().physicalIds().get(id)).collect(Collectors.toSet());
        for (User u : USERS) {
            List<String> own = u.groups().stream().filter(groups::contains).toList();
            cloud.cognito().createUser(poolId(), u.email(), LocalCloud.DEMO_PASSWORD, own);
            users.add(new User(u.key(), u.name(), u.email(), own, u.language()));
        }
    }

    List<User> users() {
        return users;
    }

    List<String> userKeys() {
        return users.stream().map(User::key).toList();
    }

    List<String> seeded() {
        return seeded;
    }

    /** A fresh ID token (cached for 50 minutes), or null for an unknown user. */
    String token(String key) {
        User u = users.stream().filter(x -> x.key().equals(key) || x.email().equals(key)).findFirst().orElse(null);
        if (u == null) {
            return null;
        }
        String cached = tokens.get(u.key());
        if (cached != null && Long.parseLong(cached.substring(0, cached.indexOf(' '))) > System.currentTimeMillis()) {
            return cached.substring(cached.indexOf(' ') + 1);
        }
        String token = cloud.cognito().idToken(poolId(), clientId, u.email(), LocalCloud.DEMO_PASSWORD);
        tokens.put(u.key(), (System.currentTimeMillis() + 50 * 60_000L) + " " + token);
        return token;
    }

    /** What {@link #seed} creates, through these routes. */
    private static final Set<String> SEEDED_PATHS = Set.of("/sites", "/people", "/resources", "/bookings", "/stock/items", "/cost-centres",
            "/suppliers");

    /** The functions {@link #seed} calls (by route: a function of the template that serves one of its POSTs). */
    static Set<String> functionsCalled(Template template) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : template.functions()) {
            template.events(f).values().forEach(e -> {
                if ("HttpApi".equals(e.get("Type")) && e.get("Properties") instanceof Map<?, ?> p
                        && "post".equalsIgnoreCase(String.valueOf(p.get("Method"))) && SEEDED_PATHS.contains(String.valueOf(p.get("Path")))) {
                    out.add(f);
                }
            });
        }
        return out;
    }

    private boolean hasRoute(String method, String path) {
        return cloud.apiRoutes().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    void seed() {
        String manager = users.stream().filter(u -> u.groups().contains("office-manager")).map(User::key).findFirst().orElse(null);
        if (manager == null) {
            return;
        }
        List<String> siteIds = new ArrayList<>();
        if (hasRoute("POST", "/sites")) {
            for (String[] site : new String[][] {{"Amsterdam Zuidas", "Europe/Amsterdam"}, {"Rotterdam Centraal", "Europe/Amsterdam"}}) {
                JsonNode created = post(manager, "/sites", "{\"name\":" + Json.quote(site[0]) + ",\"timeZone\":" + Json.quote(site[1])
                        + ",\"workingHours\":{\"opens\":\"08:00\",\"closes\":\"18:00\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]}}");
                if (created != null) {
                    siteIds.add(created.path("id").asText());
                }
            }
            seeded.add(siteIds.size() + " sites");
        }
        if (hasRoute("POST", "/people")) {
            int people = 0;
            List<String[]> more = new ArrayList<>();
            for (User u : users) {
                more.add(new String[] {u.name(), u.email(), u.language(), String.join("\",\"", roles(u.groups()))});
            }
            more.add(new String[] {"Noor El Amrani", "noor@example.org", "nl", "staff"});
            more.add(new String[] {"Tom Peters", "tom@example.org", "en", "staff"});
            int i = 0;
            for (String[] p : more) {
                String site = siteIds.isEmpty() ? "" : ",\"siteId\":" + Json.quote(siteIds.get(i++ % siteIds.size()));
                if (post(manager, "/people", "{\"name\":" + Json.quote(p[0]) + ",\"email\":" + Json.quote(p[1])
                        + ",\"language\":" + Json.quote(p[2]) + ",\"roles\":[\"" + p[3] + "\"]" + site + "}") != null) {
                    people++;
                }
            }
            seeded.add(people + " people (the demo users among them)");
        }
        // rooms and bookings, stock, suppliers and the budget belong to different functions: seed them side by side
        List<String> sites = List.copyOf(siteIds);
        var chains = List.of(
                CompletableFuture.runAsync(() -> seedBookings(manager, sites)),
                CompletableFuture.runAsync(() -> seedStock(manager, sites)),
                CompletableFuture.runAsync(() -> seedSuppliers(manager)),
                CompletableFuture.runAsync(() -> new VisitorsDemo(cloud, this).seed(manager, sites)),
                CompletableFuture.runAsync(() -> new MailroomDemo(cloud, this).seed(sites)),
                CompletableFuture.runAsync(() -> new BudgetDemo(this, cloud).seed(manager)));
        chains.forEach(CompletableFuture::join);
    }

    private void seedBookings(String manager, List<String> siteIds) {
        List<String> rooms = new ArrayList<>();
        if (hasRoute("POST", "/resources") && !siteIds.isEmpty()) {
            int desks = 0;
            String[][] roomNames = {{"Rembrandt", "10"}, {"Vermeer", "4"}};
            for (String siteId : siteIds) {
                for (String[] room : roomNames) {
                    JsonNode r = post(manager, "/resources", "{\"siteId\":" + Json.quote(siteId) + ",\"type\":\"room\",\"name\":"
                            + Json.quote("Vergaderzaal " + room[0]) + ",\"floor\":\"1\",\"capacity\":" + room[1]
                            + ",\"features\":[\"screen\",\"whiteboard\"]}");
                    if (r != null) {
                        rooms.add(r.path("id").asText());
                    }
                }
                for (int d = 1; d <= 3; d++) {
                    if (post(manager, "/resources", "{\"siteId\":" + Json.quote(siteId) + ",\"type\":\"desk\",\"name\":\"Bureau "
                            + d + "\",\"floor\":\"2\",\"capacity\":1}") != null) {
                        desks++;
                    }
                }
            }
            seeded.add(rooms.size() + " rooms and " + desks + " desks");
        }
        if (hasRoute("POST", "/bookings") && !rooms.isEmpty()) {
            int bookings = 0;
            List<String> bookers = users.stream().filter(u -> !u.groups().contains("office-manager")).map(User::key).toList();
            ZoneId zone = ZoneId.of("Europe/Amsterdam");
            LocalDate day = LocalDate.now(zone).plusDays(1);
            int n = 0;
            for (int made = 0; made < 5; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() >= 6) {
                    continue;
                }
                made++;
                for (int slot = 0; slot < 2; slot++) {
                    var start = day.atTime(9 + slot * 3, 0).atZone(zone).toOffsetDateTime();
                    String booker = bookers.isEmpty() ? manager : bookers.get(n % bookers.size());
                    String room = rooms.get(n++ % rooms.size());
                    if (post(booker, "/bookings", "{\"resourceId\":" + Json.quote(room) + ",\"start\":\"" + start
                            + "\",\"end\":\"" + start.plusHours(1) + "\",\"title\":\"Overleg " + n + "\"}") != null) {
                        bookings++;
                    }
                }
            }
            seeded.add(bookings + " bookings in the coming week");
        }
    }

    private void seedStock(String manager, List<String> siteIds) {
        if (hasRoute("POST", "/stock/items") && !siteIds.isEmpty()) {
            int items = 0;
            String[][] stock = {{"PEN-BLUE", "Ballpoint pen, blue", "piece", "100", "20", "45"},
                    {"PAPER-A4", "Copier paper A4, 500 sheets", "ream", "12", "15", "499"},
                    {"COFFEE", "Coffee beans, 1 kg", "bag", "6", "4", "1895"},
                    {"STICKY", "Sticky notes, yellow", "pad", "40", "10", "120"}};
            for (String siteId : siteIds) {
                for (String[] item : stock) {
                    if (post(manager, "/stock/items", "{\"siteId\":" + Json.quote(siteId) + ",\"sku\":\"" + item[0] + "\",\"name\":"
                            + Json.quote(item[1]) + ",\"unit\":\"" + item[2] + "\",\"location\":\"Cabinet 1\",\"quantity\":" + item[3]
                            + ",\"minimum\":" + item[4] + ",\"reorderUpTo\":" + (Integer.parseInt(item[4]) * 5)
                            + ",\"unitPriceCents\":" + item[5] + "}") != null) {
                        items++;
                    }
                }
            }
            seeded.add(items + " stock items");
        }
    }

    private void seedSuppliers(String manager) {
        if (hasRoute("POST", "/suppliers")) {
            int suppliers = 0;
            for (String[] sup : new String[][] {{"Kantoorartikelen Jansen", "orders@jansen.example.com"},
                    {"Koffie & Co", "bestel@koffie.example.com"}}) {
                if (post(manager, "/suppliers", "{\"name\":" + Json.quote(sup[0]) + ",\"email\":" + Json.quote(sup[1])
                        + ",\"leadTimeDays\":3}") != null) {
                    suppliers++;
                }
            }
            seeded.add(suppliers + " suppliers");
        }
    }

    private static List<String> roles(List<String> groups) {
        return groups.isEmpty() ? List.of("staff") : groups;
    }

    private JsonNode post(String user, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(user))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                if (failedPaths.add(path)) {
                    cloud.options().out().println("demo data: POST " + path + " answered " + response.statusCode() + ": "
                            + response.body().replaceAll("\\s+", " "));
                }
                return null;
            }
            return Json.read(response.body());
        } catch (IOException e) {
            cloud.options().out().println("demo data: POST " + path + " failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
