package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import nl.spil.platform.mail.MimeComposer;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestContext;
import nl.spil.testkit.TestOutcomes;
import nl.spil.visitors.schedule.DayEndHandler;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A visit's whole life through the real handler and the events of events/visitors. */
class VisitsApiTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();
    private static DayEndHandler dayEnd;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @AfterAll
    static void close() {
        if (dayEnd != null) {
            dayEnd.close();
        }
    }

    static Map<String, Object> dayEnd(String scheduledTime) {
        if (dayEnd == null) {
            dayEnd = new DayEndHandler();
        }
        return dayEnd.handleRequest(Map.of("scheduledTime", scheduledTime),
                TestContext.forFunction(FN.aws.template(), "VisitorsDayEndFunction"));
    }

    /** A site with a host (Sam, staff, English), house rules version 1; answers {site, samId, samEmail}. */
    static String[] siteWithHost() {
        String site = FN.site();
        String sam = VisitorsFunction.unique("sam") + "@example.org";
        String samId = FN.person("Sam de Vries", sam, "en", site, "staff");
        FN.person("Olga Jansen", VisitorsFunction.unique("olga") + "@example.org", "nl", site, "office-manager");
        FN.person("Rita Bakker", VisitorsFunction.unique("rita") + "@example.org", "nl", site, "reception", "staff");
        assertThat(FN.houseRules(site, 0, "Draag je badge.", "Wear your badge.").status()).isEqualTo(200);
        return new String[] {site, samId, sam};
    }

    @Test
    void fromInvitationToTheDaysEnd() throws Exception {
        String[] s = siteWithHost();
        String site = s[0];
        HttpAnswer registered = FN.register(s[2], site, "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"Jürgen Müller\",\"company\":\"ACME\",\"email\":\"jm@acme.example\"}", "staff");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode visit = registered.json().path("items").get(0);
        String id = visit.path("id").asText();
        String code = visit.path("checkInCode").asText();
        assertThat(visit.path("status").asText()).isEqualTo("expected");
        assertThat(visit.path("expectedAt").asText()).isEqualTo("2027-03-29T10:00:00+02:00");
        assertThat(registered.header("Location")).isEqualTo("/visits/" + id);

        // the invitation: in the host's language (none given), the code as text and as a QR picture inside the message
        OutboxItem.Email invitation = FN.mail("visitors:invitation:" + id + ":1").orElseThrow();
        assertThat(invitation.message().to().address()).isEqualTo("jm@acme.example");
        assertThat(invitation.message().content().subject()).startsWith("Invitation: your visit to ");
        assertThat(invitation.message().content().text()).contains(code, "Wear your badge.", "Sam de Vries");
        assertThat(invitation.message().content().html()).contains("src=\"cid:check-in-code.png\"").doesNotContain("http://", "https://");
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(new MimeComposer(Clock.systemUTC()).compose(invitation.message())));
        MimeBodyPart png = relatedPicture(mime);
        assertThat(png.getContentID()).isEqualTo("<check-in-code.png>");
        assertThat(png.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(decodeQr(png.getInputStream().readAllBytes())).isEqualTo(code.replace("-", ""));
        assertThat(FN.mail("visitors:registered:" + visit.path("groupId").asText()).orElseThrow().message().to().address())
                .isEqualTo(s[2]);

        // reception finds them by a name typed without accents; the host sees their own
        HttpAnswer found = FN.send(FN.event("list-visits.json").queryParameter("site", site).queryParameter("q", "MULLER"));
        assertThat(found.json().path("items")).hasSize(1);
        assertThat(found.json().path("items").get(0).path("id").asText()).isEqualTo(id);
        HttpAnswer mine = FN.send(VisitorsFunction.as(FN.event("list-visits.json"), s[2], "staff").queryParameter("site", site));
        assertThat(mine.json().path("items")).hasSize(1);
        HttpAnswer others = FN.send(VisitorsFunction.as(FN.event("list-visits.json"), "else@example.org", "staff").queryParameter("site", site));
        assertThat(others.json().path("items")).isEmpty();
        assertThat(FN.get(id, "else@example.org", "staff").status()).isEqualTo(404);

        // without the current house rules, no check-in (and nothing changes)
        RecordedOutcomes.Mark checkingIn = TestOutcomes.RECORDED.mark();
        HttpAnswer refused = FN.checkInByCode(site, code, 0, "J. Müller");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).endsWith("/house-rules-not-accepted");
        assertThat(FN.get(id, s[2], "staff").json().path("status").asText()).isEqualTo("expected");

        HttpAnswer in = FN.checkInByCode(site, code.toLowerCase(), 1, "J. Müller");
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.json().path("status").asText()).isEqualTo("checked-in");
        assertThat(in.json().path("houseRulesAccepted").path("version").asInt()).isEqualTo(1);
        assertThat(in.json().path("houseRulesAccepted").path("typedName").asText()).isEqualTo("J. Müller");
        assertThat(checkingIn.since()).as("the refused try counts nothing").isEqualTo(Map.of(Outcome.VISITOR_CHECKED_IN, 1L));
        OutboxItem.Email arrival = FN.mail("visitors:arrived:" + id).orElseThrow();
        assertThat(arrival.message().to().address()).isEqualTo(s[2]);
        assertThat(arrival.message().content().subject()).startsWith("Arrived: Jürgen Müller");

        JsonNode onSite = FN.onSite(site).json();
        assertThat(onSite.path("count").asInt()).isEqualTo(1);
        assertThat(onSite.path("visitors").get(0).path("name").asText()).isEqualTo("Jürgen Müller");
        assertThat(onSite.path("visitors").get(0).path("host").path("name").asText()).isEqualTo("Sam de Vries");
        assertThat(onSite.path("visitors").get(0).path("arrivedAt").asText()).isEqualTo("2027-03-29T08:00:00+02:00");
        HttpAnswer csv = FN.send(FN.event("on-site.json").pathParameter("id", site).path("/sites/" + site + "/on-site")
                .queryParameter("format", "csv"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,company,host,arrivedAt,visitId\r\n").contains("Jürgen Müller,ACME,Sam de Vries,");

        // the badge, read back with another PDF library than the one that wrote it
        var badge = FN.raw(FN.event("badge.json").pathParameter("id", id).path("/visits/" + id + "/badge"));
        assertThat(badge.getStatusCode()).isEqualTo(200);
        assertThat(badge.getHeaders().get("Content-Type")).startsWith("application/pdf");
        try (var pdf = Loader.loadPDF(VisitorsFunction.bytes(badge))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            var box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(62, org.assertj.core.data.Offset.offset(0.5));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(100, org.assertj.core.data.Offset.offset(0.5));
            assertThat(new PDFTextStripper().getText(pdf)).contains("Jürgen Müller", "ACME", "Sam de Vries", "29 March 2027", code);
        }

        // the day ends at 18:00 in Amsterdam: signed out, once
        // (other tests' sites share the table: this tick may sign out their visitors too)
        dayEnd("2027-03-29T15:00:00Z");
        assertThat(FN.onSite(site).json().path("count").asInt()).isEqualTo(1);
        assertThat((Integer) dayEnd("2027-03-29T16:00:00Z").get("signedOut")).isGreaterThanOrEqualTo(1);
        assertThat(dayEnd("2027-03-29T16:00:00Z").get("signedOut")).isEqualTo(0);
        assertThat(FN.onSite(site).json().path("count").asInt()).isZero();
        assertThat(FN.get(id, s[2], "staff").json().path("status").asText()).isEqualTo("checked-out");

        HttpAnswer report = FN.send(FN.event("visitors-report.json").queryParameter("site", site)
                .queryParameter("from", "2027-03-29").queryParameter("to", "2027-03-29"));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode day = report.json().path("days").get(0);
        assertThat(day.path("registered").asInt()).isEqualTo(1);
        assertThat(day.path("arrived").asInt()).isEqualTo(1);
        assertThat(day.path("byHour").path("08").asInt()).isEqualTo(1);
        assertThat(day.path("byPurpose").path("meeting").asInt()).isEqualTo(1);
        assertThat(report.body()).doesNotContain("Müller", "ACME", "Sam");
    }

    @Test
    void twoReceptionistsAtOnceGiveOne200OneConflictAndOneEmail() throws Exception {
        String[] s = siteWithHost();
        for (int round = 0; round < 3; round++) {
            JsonNode v = FN.register(s[2], s[0], "2027-03-29T11:00:00+02:00", null,
                    "{\"name\":\"Race " + round + "\",\"email\":\"race" + round + "@example.com\"}", "staff").json().path("items").get(0);
            String id = v.path("id").asText();
            var desk = FN.event("check-in-at-desk.json").pathParameter("id", id).path("/visits/" + id + "/check-in")
                    .body("{\"houseRules\":{\"version\":1,\"typedName\":\"Race\"}}");
            RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
            var a = CompletableFuture.supplyAsync(() -> FN.send(desk));
            var b = CompletableFuture.supplyAsync(() -> FN.send(desk));
            List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
            statuses.sort(Integer::compare);
            assertThat(statuses).as(a.get() + " / " + b.get()).containsExactly(200, 409);
            assertThat(mark.since()).as("one visitor checked in").isEqualTo(Map.of(Outcome.VISITOR_CHECKED_IN, 1L));
            assertThat(FN.mail("visitors:arrived:" + id)).isPresent();
        }
    }

    @Test
    void tenWrongCodesInTenMinutesLockTheSitesKioskOut() {
        String[] s = siteWithHost();
        String code = FN.register(s[2], s[0], "2027-03-29T11:00:00+02:00", null, "{\"name\":\"Right Code\"}", "staff")
                .json().path("items").get(0).path("checkInCode").asText();
        for (int i = 0; i < 9; i++) {
            HttpAnswer wrong = FN.checkInByCode(s[0], "ZZZZ-ZZZ" + (i + 2), 1, "x");
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
            assertThat(wrong.json().path("type").asText()).endsWith("/unknown-code");
        }
        HttpAnswer tenth = FN.checkInByCode(s[0], "not a code", 1, "x");
        assertThat(tenth.status()).isEqualTo(429);
        assertThat(Long.parseLong(tenth.header("Retry-After"))).isBetween(1L, 600L);
        // locked: even the right code is refused, so a locked kiosk tells nothing about codes
        assertThat(FN.checkInByCode(s[0], code, 1, "x").status()).isEqualTo(429);
        TestClock.INSTANCE.set(Instant.parse("2027-03-29T06:10:01Z"));
        assertThat(FN.checkInByCode(s[0], code, 1, "Right Code").status()).isEqualTo(200);
    }

    @Test
    void aGroupOfFiftyIsRegisteredAllOrNothing() {
        String[] s = siteWithHost();
        StringBuilder visitors = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            visitors.append(i == 0 ? "" : ",").append("{\"name\":\"Guest ").append(i).append("\",\"email\":\"guest")
                    .append(i).append(i == 49 ? "@@example.com" : "@example.com").append("\"}");
        }
        int before = FN.items();
        HttpAnswer bad = FN.register(s[2], s[0], "2027-03-30T09:00:00+02:00", null, visitors.toString(), "staff");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemFields()).containsExactly("visitors[49].email");
        assertThat(FN.items()).isEqualTo(before);

        HttpAnswer group = FN.register(s[2], s[0], "2027-03-30T09:00:00+02:00", null,
                visitors.toString().replace("@@", "@"), "staff");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        JsonNode items = group.json().path("items");
        assertThat(items).hasSize(50);
        assertThat(items.findValuesAsText("checkInCode").stream().distinct().count()).isEqualTo(50);
        String last = items.get(49).path("id").asText();
        assertThat(FN.mail("visitors:invitation:" + last + ":1")).isPresent();
        assertThat(FN.send(FN.event("list-visits.json").queryParameter("site", s[0]).queryParameter("date", "2027-03-30")
                .queryParameter("limit", "200")).json().path("items")).hasSize(50);
        HttpAnswer tooMany = FN.register(s[2], s[0], "2027-03-30T09:00:00+02:00", null,
                visitors.toString().replace("@@", "@") + ",{\"name\":\"One more\"}", "staff");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemFields()).containsExactly("visitors");
    }

    @Test
    void aWalkInPicksAHostFromTheDirectoryAndTheHostIsToldOnArrival() {
        String[] s = siteWithHost();
        HttpAnswer hosts = FN.send(FN.event("find-host.json").queryParameter("site", s[0]).queryParameter("q", "vries"));
        assertThat(hosts.status()).as(hosts.toString()).isEqualTo(200);
        assertThat(hosts.json().path("items").findValuesAsText("id")).containsExactly(s[1]);
        HttpAnswer walkIn = FN.send(FN.event("register-walk-in.json").body("{\"siteId\":\"" + s[0] + "\",\"walkIn\":true,\"hostId\":\""
                + s[1] + "\",\"visitors\":[{\"name\":\"Kees Koerier\",\"email\":\"kees@post.example\"}]}"));
        assertThat(walkIn.status()).as(walkIn.toString()).isEqualTo(201);
        String id = walkIn.json().path("items").get(0).path("id").asText();
        assertThat(walkIn.json().path("items").get(0).path("expectedAt").asText()).isEqualTo("2027-03-29T08:00:00+02:00");
        assertThat(FN.mail("visitors:invitation:" + id + ":1")).isEmpty();
        // staff cannot register walk-ins, nor visitors for someone else
        assertThat(FN.register(s[2], s[0], null, null, "{\"name\":\"X\"}", "staff").status()).isEqualTo(403);
        assertThat(FN.register("other@example.org", s[0], "2027-03-29T11:00:00+02:00", s[1], "{\"name\":\"X\"}", "staff").status())
                .isEqualTo(403);
        HttpAnswer in = FN.send(FN.event("check-in-at-desk.json").pathParameter("id", id).path("/visits/" + id + "/check-in"));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(FN.mail("visitors:arrived:" + id).orElseThrow().message().to().address()).isEqualTo(s[2]);
    }

    @Test
    void aHostSeesTheirOwnVisitorsFromTodayOnAndWhoArrived() {
        String[] s = siteWithHost();
        String today = FN.register(s[2], s[0], "2027-03-29T10:00:00+02:00", null, "{\"name\":\"Anna de Wit\"}", "staff")
                .json().path("items").get(0).path("id").asText();
        String tomorrow = FN.register(s[2], s[0], "2027-03-30T09:00:00+02:00", null,
                "{\"name\":\"Bert Groep\"},{\"name\":\"Carla Groep\"}", "staff").json().path("items").get(0).path("id").asText();
        // reception registers one for Sam too; another host's visitor is not Sam's
        assertThat(FN.register("desk@example.org", s[0], "2027-03-29T11:00:00+02:00", s[1], "{\"name\":\"Desk Made\"}",
                "reception").status()).isEqualTo(201);
        String other = FN.person("Other Host", VisitorsFunction.unique("other") + "@example.org", "nl", s[0], "staff");
        assertThat(FN.register("desk@example.org", s[0], "2027-03-29T12:00:00+02:00", other, "{\"name\":\"Not Sams\"}",
                "reception").status()).isEqualTo(201);

        JsonNode mine = mine(s[2]);
        assertThat(mine.findValuesAsText("expectedAt")).containsExactly("2027-03-29T10:00:00+02:00", "2027-03-29T11:00:00+02:00",
                "2027-03-30T09:00:00+02:00", "2027-03-30T09:00:00+02:00");
        assertThat(FN.send(FN.event("check-in-at-desk.json").pathParameter("id", today).path("/visits/" + today + "/check-in"))
                .status()).isEqualTo(200);
        assertThat(mine(s[2]).get(0).path("status").asText()).isEqualTo("checked-in");
        assertThat(mine(s[2]).get(0).path("checkedInAt").asText()).isEqualTo("2027-03-29T08:00:00+02:00");

        // the next day, yesterday's visits are gone from the list
        TestClock.INSTANCE.set(java.time.Instant.parse("2027-03-30T06:00:00Z"));
        List<String> ids = new ArrayList<>();
        mine(s[2]).forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).hasSize(2).contains(tomorrow).doesNotContain(today);
        // nobody else's visitors, and nothing for someone not in the directory
        assertThat(mine("stranger@example.org").isEmpty()).isTrue();
    }

    private static JsonNode mine(String email) {
        HttpAnswer answer = FN.send(VisitorsFunction.as(VisitorsFunction.event("my-visits.json"), email, "staff"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("items");
    }

    static MimeBodyPart relatedPicture(MimeMessage mime) throws Exception {
        MimeMultipart alternative = (MimeMultipart) mime.getContent();
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        return (MimeBodyPart) related.getBodyPart(1);
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

}
