package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * A photo or scan travels through pre-signed links only, against the local S3: the logging
 * answer carries an upload link bound to the item (content type and length signed, valid 10
 * minutes), reception confirms, the file is checked by its first bytes and size, and read back
 * through a 5-minute link by the recipient and the desk; a file that fails is deleted. The local
 * S3 does not refuse expired links, so validity is checked by the links' own parameters.
 */
class ScanUploadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] JPEG = jpeg(48_213);

    private final MailroomFunction fn = MailroomFunction.get();

    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0x42);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    /** Uploads as a browser would: a PUT to the link with exactly the headers it names. */
    static int upload(JsonNode uploadLink, byte[] body) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(uploadLink.path("url").asText()))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        uploadLink.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) { // the HTTP client sets it from the body
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private JsonNode logPhotographed(Person rita, String site, Person sam, String type, long bytes) {
        HttpAnswer logged = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body(Deliveries.at(site).photographedParcelFor(sam.id(), type, bytes).json()), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.json().path("items").get(0);
    }

    @Test
    void aPhotoIsUploadedThroughItsLinkCheckedAndReadBackThroughAShortLivedOne() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        Person noor = fn.person("Noor El Amrani", "nl", site, null);
        JsonNode item = logPhotographed(rita, site, sam, "image/jpeg", JPEG.length);
        String id = item.path("id").asText();
        JsonNode link = item.path("scan").path("upload");
        assertThat(item.path("scan").path("status").asText()).isEqualTo("awaiting-upload");

        // the link is bound to the item's key, signs type and length, and lives 10 minutes
        assertThat(URI.create(link.path("url").asText()).getPath()).endsWith("/" + fn.bucket() + "/mailroom/" + id + "/scan");
        Map<String, String> params = query(link.path("url").asText());
        assertThat(params.get("X-Amz-Expires")).isEqualTo("600");
        assertThat(params.get("X-Amz-SignedHeaders")).contains("content-type", "content-length", "host");
        assertThat(params.keySet()).noneMatch(k -> k.toLowerCase().contains("checksum"));
        assertThat(link.path("headers").path("content-type").asText()).isEqualTo("image/jpeg");
        assertThat(link.path("headers").path("content-length").asText()).isEqualTo(Integer.toString(JPEG.length));
        assertThat(Instant.parse(link.path("expiresAt").asText().replace("+00:00", "Z")))
                .isBetween(Instant.now().plusSeconds(540), Instant.now().plusSeconds(660));

        HttpAnswer tooEarly = fn.send(rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", id), "reception"));
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);

        assertThat(upload(link, JPEG)).isEqualTo(200);
        HttpAnswer attached = fn.send(rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", id), "reception"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.json().path("scan").path("status").asText()).isEqualTo("attached");
        assertThat(attached.json().path("scan").path("bytes").asLong()).isEqualTo(JPEG.length);

        HttpAnswer read = fn.send(sam.as(MailroomApiTest.onItem("get-mail-scan.json", id), "staff"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        String readUrl = read.json().path("url").asText();
        Map<String, String> readParams = query(readUrl);
        assertThat(readParams.get("X-Amz-Expires")).isEqualTo("300");
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(readParams.get("X-Amz-Date"), Instant::from);
        assertThat(signedAt).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.MINUTES));
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(readUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(JPEG);
        assertThat(file.headers().firstValue("content-type")).contains("image/jpeg");

        assertThat(fn.send(rita.as(MailroomApiTest.onItem("get-mail-scan.json", id), "reception")).status()).isEqualTo(200);
        assertThat(fn.send(noor.as(MailroomApiTest.onItem("get-mail-scan.json", id), "staff")).status()).isEqualTo(404);
        HttpAnswer again = fn.send(rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", id), "reception"));
        assertThat(again.status()).as("confirming twice changes nothing").isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(attached.json().path("version").asLong());
    }

    @Test
    void aFileThatIsNoPhotoOrScanIsDeletedAndTheItemTakesANewUpload() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode item = logPhotographed(rita, site, sam, "image/png", html.length);
        String id = item.path("id").asText();
        assertThat(upload(item.path("scan").path("upload"), html)).isEqualTo(200);

        HttpAnswer rejected = fn.send(rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", id), "reception"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.json().path("type").asText()).endsWith("/scan-rejected");
        assertThat(fn.aws.s3().listObjectVersions(r -> r.bucket(fn.bucket()).prefix("mailroom/" + id + "/")).versions())
                .as("every version of the rejected file is gone").isEmpty();

        HttpAnswer seen = fn.send(rita.as(MailroomApiTest.onItem("get-mail.json", id), "reception"));
        JsonNode fresh = seen.json().path("scan").path("upload");
        assertThat(seen.json().path("scan").path("status").asText()).isEqualTo("awaiting-upload");
        assertThat(fresh.path("url").asText()).contains("/mailroom/" + id + "/scan");
        assertThat(fn.send(sam.as(MailroomApiTest.onItem("get-mail.json", id), "staff")).json().path("scan").has("upload"))
                .as("only the desk gets upload links").isFalse();
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        assertThat(upload(fresh, Arrays.copyOf(png, html.length))).isEqualTo(200);
        // no body, as the web app sends it (the route takes no fields)
        HttpAnswer attached = fn.send(rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", id).body((String) null), "reception"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.json().path("scan").path("contentType").asText()).isEqualTo("image/png");
    }

    @Test
    void aPhotoLargerThanTenMegabytesIsRefusedBeforeAnyLinkIsMade() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        HttpAnswer refused = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body(Deliveries.at(site).photographedParcelFor(sam.id(), "image/jpeg", 10L * 1024 * 1024 + 1).json()), "reception"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields()).containsExactly("items[0].scan.bytes");
        HttpAnswer gif = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body(Deliveries.at(site).photographedParcelFor(sam.id(), "image/gif", 100).json()), "reception"));
        assertThat(gif.status()).isEqualTo(400);
        assertThat(gif.problemFields()).containsExactly("items[0].scan.contentType");
        assertThat(fn.mailsTo(sam.email())).as("nothing was logged").isEmpty();
    }
}
