package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mailroom on the local cloud, as people use it over HTTP with their own tokens: Rita logs a
 * parcel for Sam with a photo, uploaded to the local S3 through its pre-signed link; Sam's e-mail
 * with the pickup code reaches the local mail page; Sam sees the item and opens its photo; Rita
 * hands it out against the code; the reminder schedule fired by hand sends nothing for it.
 */
class MailroomIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?:Pickup code|Ophaalcode)\\W+(\\d{6})");

    @Test
    void ritaLogsAParcelForSamWhoCollectsItWithTheCodeFromHisEmail() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String rita = cloud.token("rita");
        String sam = cloud.token("sam");
        String site = json(RunningCloud.send("GET", "/sites", rita, null)).path("items").get(0).path("id").asText();
        JsonNode found = json(RunningCloud.send("GET", "/mail/recipients?q=" + URLEncoder.encode("S. de Vries", StandardCharsets.UTF_8)
                + "&site=" + site, rita, null));
        assertThat(found.path("items").get(0).path("name").asText()).isEqualTo("Sam de Vries");
        String samId = found.path("items").get(0).path("personId").asText();

        String sender = "Webshop " + UUID.randomUUID().toString().substring(0, 8);
        byte[] photo = new byte[2048];
        Arrays.fill(photo, (byte) 7);
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        HttpResponse<String> logged = RunningCloud.send("POST", "/mail", rita, """
                {"siteId":"%s","items":[{"kind":"parcel","carrier":"ups","trackingNumber":"1Z999AA10123456784","sender":"%s",
                 "recipient":{"personId":"%s"},"shelf":"B","scan":{"contentType":"image/jpeg","bytes":%d}}]}"""
                .formatted(site, sender, samId, photo.length));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        JsonNode item = json(logged).path("items").get(0);
        String id = item.path("id").asText();
        assertThat(upload(item.path("scan").path("upload"), photo)).isEqualTo(200);
        HttpResponse<String> attached = RunningCloud.send("POST", "/mail/" + id + "/scan", rita, "{}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(json(attached).path("scan").path("status").asText()).isEqualTo("attached");

        Mail.Sent mail = awaitMail(cloud, m -> m.to().contains("sam@example.org") && text(m).contains(sender));
        Matcher code = CODE.matcher(text(mail));
        assertThat(code.find()).as(text(mail)).isTrue();
        assertThat(RunningCloud.send("GET", "/local/mail", null, null).body()).contains("sam@example.org");

        JsonNode mine = json(RunningCloud.send("GET", "/mail", sam, null));
        JsonNode seen = null;
        for (JsonNode i : mine.path("items")) {
            if (i.path("id").asText().equals(id)) {
                seen = i;
            }
        }
        assertThat(seen).as("Sam sees the parcel").isNotNull();
        assertThat(seen.path("pickupCode").asText()).isEqualTo(code.group(1));
        HttpResponse<String> link = RunningCloud.send("GET", "/mail/" + id + "/scan", sam, null);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        HttpResponse<byte[]> file = RunningCloud.HTTP.send(HttpRequest.newBuilder(URI.create(json(link).path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(photo);

        HttpResponse<String> handed = RunningCloud.send("POST", "/mail/" + id + "/pickup", rita, "{\"code\":\"" + code.group(1) + "\"}");
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(json(handed).path("status").asText()).isEqualTo("collected");
        assertThat(json(handed).path("handedOut").path("receptionistName").asText()).isEqualTo("Rita Bakker");

        long mailsBefore = new Mail(cloud.aws()).messages().stream().filter(m -> m.to().contains("sam@example.org")).count();
        HttpResponse<String> fired = RunningCloud.send("POST", "/local/schedules/MailReminderFunction/Hourly", null, null);
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
        Thread.sleep(3000); // anything it had enqueued would be through the outbox stream and the notifier by now
        List<Mail.Sent> toSam = new Mail(cloud.aws()).messages().stream().filter(m -> m.to().contains("sam@example.org")).toList();
        assertThat(toSam).as("no reminder for a collected parcel").hasSize((int) mailsBefore)
                .noneMatch(m -> text(m).contains(sender) && m.subject().startsWith("Reminder"));
        assertThat(json(RunningCloud.send("GET", "/mail/" + id, sam, null)).path("reminders").asInt()).isZero();
    }

    @Test
    void samHasALetterSentOnAndRitaPrintsItsAddressLabel() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String rita = cloud.token("rita");
        String sam = cloud.token("sam");
        String site = json(RunningCloud.send("GET", "/sites", rita, null)).path("items").get(0).path("id").asText();
        String samId = json(RunningCloud.send("GET", "/me", sam, null)).path("id").asText();
        String street = "Kerkstraat " + (100 + new java.util.Random().nextInt(900));
        HttpResponse<String> logged = RunningCloud.send("POST", "/mail", rita, """
                {"siteId":"%s","items":[{"kind":"letter","carrier":"postnl","sender":"Gemeente Utrecht",
                 "recipient":{"personId":"%s"},"shelf":"A"}]}""".formatted(site, samId));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String id = json(logged).path("items").get(0).path("id").asText();

        HttpResponse<String> asked = RunningCloud.send("POST", "/mail/" + id + "/forward-request", sam, """
                {"to":"address","address":{"line1":"%s","postalCode":"3511 AB","city":"Utrecht","country":"NL"}}""".formatted(street));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        JsonNode list = json(RunningCloud.send("GET", "/mail/forwarding-list?site=" + site, rita, null));
        assertThat(list.toString()).contains(id, street);

        // the labels Rita prints: A4 sheets of PDF labels, rendered by the shipped jar
        HttpResponse<byte[]> labels = RunningCloud.download("/mail/forwarding-labels?site=" + site, rita);
        assertThat(labels.statusCode()).isEqualTo(200);
        assertThat(Pdfs.text(labels.body())).contains("Sam de Vries", street, "3511 AB");
    }

    private static int upload(JsonNode link, byte[] body) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(link.path("url").asText())).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        link.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return RunningCloud.HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The plain-text part of a message. */
    private static String text(Mail.Sent m) {
        try {
            return Mail.leaves(Mail.parse(m.raw())).stream().filter(p -> p.contentType().toLowerCase().startsWith("text/plain"))
                    .map(p -> new String(p.content(), StandardCharsets.UTF_8)).findFirst().orElse("");
        } catch (Exception e) {
            return "";
        }
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

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
