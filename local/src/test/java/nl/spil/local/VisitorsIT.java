package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A visit on the local cloud, over HTTP with the demo users' tokens, as people would: Sam registers
 * a visitor, the invitation with its QR code is on the local mail page, Rita checks the visitor in
 * at the kiosk with the code, Sam's arrival e-mail is there, the evacuation list shows the visitor,
 * Rita prints the badge, and the day-end schedule, fired by hand, signs them out.
 */
class VisitorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void samsVisitorFromInvitationToTheDaysEnd() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String olga = cloud.token("olga");
        String sam = cloud.token("sam");
        String rita = cloud.token("rita");
        String unique = UUID.randomUUID().toString().substring(0, 8);

        // a site of its own whose day ends a minute after midnight, so the day-end fired now finds it ended
        HttpResponse<String> site = RunningCloud.send("POST", "/sites", olga, """
                {"name":"Bezoek %s","timeZone":"Europe/Amsterdam","workingHours":{"opens":"00:00","closes":"00:01",
                 "days":["mon","tue","wed","thu","fri","sat","sun"]}}""".formatted(unique));
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        String siteId = json(site).path("id").asText();
        HttpResponse<String> rules = RunningCloud.send("PUT", "/sites/" + siteId + "/house-rules", olga,
                "{\"version\":0,\"texts\":{\"nl\":\"Draag je badge.\",\"en\":\"Wear your badge.\"}}");
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);

        String visitorEmail = "jurgen." + unique + "@acme.example";
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).withNano(0);
        HttpResponse<String> registered = RunningCloud.send("POST", "/visits", sam, """
                {"siteId":"%s","expectedAt":"%s","minutes":60,"purpose":"meeting",
                 "visitors":[{"name":"Jürgen Müller %s","company":"Škoda ACME","email":"%s","language":"en"}]}"""
                .formatted(siteId, now.toOffsetDateTime(), unique, visitorEmail));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode visit = json(registered).path("items").get(0);
        String visitId = visit.path("id").asText();
        String code = visit.path("checkInCode").asText();

        // the invitation, with the code as a QR picture inside it, is on the local mail page
        Mail.Sent invitation = awaitMail(cloud, m -> m.to().contains(visitorEmail));
        assertThat(invitation.subject()).startsWith("Invitation: your visit to Bezoek " + unique);
        MimeMessage mime = Mail.parse(invitation.raw());
        MimeMultipart related = (MimeMultipart) ((MimeMultipart) mime.getContent()).getBodyPart(1).getContent();
        assertThat((String) related.getBodyPart(0).getContent()).contains("cid:check-in-code.png", code);
        MimeBodyPart qr = (MimeBodyPart) related.getBodyPart(1);
        assertThat(qr.getContentID()).isEqualTo("<check-in-code.png>");
        assertThat(decode(qr.getInputStream().readAllBytes())).isEqualTo(code.replace("-", ""));
        String page = RunningCloud.send("GET", "/local/mail", null, null).body();
        assertThat(page).contains(visitorEmail);

        // Rita checks the visitor in at the kiosk with the code, the current house rules accepted
        HttpResponse<String> in = RunningCloud.send("POST", "/check-ins", rita, """
                {"siteId":"%s","code":"%s","houseRules":{"version":1,"typedName":"Jürgen Müller"}}""".formatted(siteId, code));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(json(in).path("status").asText()).isEqualTo("checked-in");

        Mail.Sent arrival = awaitMail(cloud, m -> m.to().contains("sam@example.org") && m.subject() != null
                && m.subject().contains("Jürgen Müller " + unique) && m.subject().startsWith("Arrived"));
        assertThat(arrival.subject()).startsWith("Arrived: Jürgen Müller " + unique);

        // the badge Rita prints: a PDF with the visitor's name and company, rendered by the shipped jar
        HttpResponse<byte[]> badge = RunningCloud.download("/visits/" + visitId + "/badge", rita);
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(Pdfs.text(badge.body())).contains("Jürgen Müller " + unique, "Škoda ACME");

        JsonNode onSite = json(RunningCloud.send("GET", "/sites/" + siteId + "/on-site", rita, null));
        assertThat(onSite.path("count").asInt()).isEqualTo(1);
        assertThat(onSite.path("visitors").get(0).path("name").asText()).isEqualTo("Jürgen Müller " + unique);
        assertThat(onSite.path("visitors").get(0).path("host").path("name").asText()).isEqualTo("Sam de Vries");

        // the day-end schedule, fired by hand: the site's day has ended, so the visitor is signed out
        HttpResponse<String> fired = RunningCloud.send("POST", "/local/schedules/VisitorsDayEndFunction/Hourly", null, null);
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
        assertThat(json(fired).path("signedOut").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(json(RunningCloud.send("GET", "/sites/" + siteId + "/on-site", rita, null)).path("count").asInt()).isZero();
        JsonNode after = json(RunningCloud.send("GET", "/visits/" + visitId, sam, null));
        assertThat(after.path("status").asText()).isEqualTo("checked-out");
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
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
