package nl.spil.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Demo post, through the mailroom's own routes as reception would log it (only when the template
 * has them): a parcel for Sam with a photo uploaded to the local S3 through its pre-signed link,
 * letters waiting long enough for a reminder and for the return list, and a letter already handed
 * out.
 */
final class MailroomDemo {

    private final LocalCloud cloud;
    private final DemoData demo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MailroomDemo(LocalCloud cloud, DemoData demo) {
        this.cloud = cloud;
        this.demo = demo;
    }

    void seed(List<String> siteIds) {
        boolean routed = cloud.apiRoutes().stream().anyMatch(r -> r.method().equals("POST") && r.path().equals("/mail"));
        if (!routed || siteIds.isEmpty() || demo.token("rita") == null) {
            return;
        }
        String site = siteIds.get(0);
        String sam = personId("Sam de Vries", site);
        String noor = personId("Noor El Amrani", site);
        String tom = personId("Tom Peters", site);
        if (sam == null || noor == null || tom == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        byte[] photo = photo();
        JsonNode waiting = send("POST", "/mail", "rita", "{\"siteId\":" + Json.quote(site) + ",\"items\":["
                + "{\"kind\":\"parcel\",\"carrier\":\"dhl\",\"trackingNumber\":\"JVGL0601234567890123\",\"sender\":\"Bol.com\","
                + "\"recipient\":{\"personId\":" + Json.quote(sam) + "},\"shelf\":\"B\",\"notes\":\"Doos, 40 x 30 cm\","
                + "\"scan\":{\"contentType\":\"image/jpeg\",\"bytes\":" + photo.length + "}},"
                + "{\"kind\":\"letter\",\"carrier\":\"postnl\",\"sender\":\"Belastingdienst\",\"recipient\":{\"personId\":" + Json.quote(noor)
                + "},\"shelf\":\"A\",\"count\":3,\"receivedAt\":\"" + now.minusDays(4) + "\"},"
                + "{\"kind\":\"registered-letter\",\"carrier\":\"postnl\",\"trackingNumber\":\"RR123456785NL\",\"sender\":\"Notariskantoor\","
                + "\"recipient\":{\"personId\":" + Json.quote(tom) + "},\"shelf\":\"A\",\"receivedAt\":\"" + now.minusDays(15) + "\"}]}");
        if (waiting == null) {
            return;
        }
        JsonNode parcel = waiting.path("items").get(0);
        boolean photographed = upload(parcel.path("scan").path("upload"), photo)
                && send("POST", "/mail/" + parcel.path("id").asText() + "/scan", "rita", "{}") != null;
        JsonNode collected = send("POST", "/mail", "rita", "{\"siteId\":" + Json.quote(site) + ",\"items\":[{\"kind\":\"letter\","
                + "\"carrier\":\"postnl\",\"sender\":\"Gemeente Amsterdam\",\"recipient\":{\"personId\":" + Json.quote(tom)
                + "},\"shelf\":\"C\"}]}");
        boolean handedOut = collected != null && send("POST", "/mail/" + collected.path("items").get(0).path("id").asText() + "/pickup",
                "rita", "{\"identityChecked\":true}") != null;
        demo.seeded().add("4 mail items (3 waiting" + (photographed ? ", one with a photo" : "") + (handedOut ? ", 1 collected" : "") + ")");
    }

    private String personId(String name, String site) {
        JsonNode found = send("GET", "/mail/recipients?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&site=" + site, "rita", null);
        JsonNode first = found == null ? null : found.path("items").path(0);
        return first == null || !first.path("name").asText().equals(name) ? null : first.path("personId").asText();
    }

    /** A small label photo (a plain JPEG; the demo needs no fonts). */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xF2, 0xC1, 0x2E));
        g.fillRect(0, 0, 160, 100);
        g.setColor(Color.WHITE);
        g.fillRect(20, 25, 120, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private boolean upload(JsonNode link, byte[] body) {
        if (link.isMissingNode()) {
            return false;
        }
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(link.path("url").asText())).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        link.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        try {
            return http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode send(String method, String path, String user, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + demo.token(user))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                cloud.options().out().println("demo data: " + method + " " + path.replaceAll("\\?.*", "") + " answered "
                        + response.statusCode() + ": " + response.body().replaceAll("\\s+", " "));
                return null;
            }
            return Json.read(response.body());
        } catch (IOException e) {
            cloud.options().out().println("demo data: " + method + " " + path.replaceAll("\\?.*", "") + " failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
