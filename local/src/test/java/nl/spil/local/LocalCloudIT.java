package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Acceptance tests: the whole template.yaml on the local cloud, driven through its HTTP API with
 * real ID tokens from the local Cognito.
 */
class LocalCloudIT {

    private static JsonNode json(HttpResponse<String> r) {
        return Json.read(r.body());
    }

    @Test
    void aFunctionsJvmStartsWhenItsFirstEventArrivesAndReportsItsInitDuration() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        assertThat(cloud.banner()).contains(cloud.baseUrl().toString(), "/local/token?user=", "/local/mail", "olga");
        // a function only a schedule invokes has no JVM until the schedule fires
        String schedule = cloud.schedules().names().stream()
                .filter(name -> cloud.template().events(name.substring(0, name.indexOf('/'))).values().stream()
                        .allMatch(e -> "ScheduleV2".equals(e.get("Type"))))
                .findFirst().orElseThrow();
        LocalFunction fn = cloud.functions().get(schedule.substring(0, schedule.indexOf('/')));
        // another acceptance test may have fired its schedule already: reclaim its JVM as Lambda would
        fn.reclaim();
        assertThat(fn.pid()).isEqualTo(-1);
        String before = Files.readString(fn.logFile());

        HttpResponse<String> fired = RunningCloud.send("POST", "/local/schedules/" + schedule, null, null);
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
        assertThat(fn.pid()).isPositive();
        assertThat(cloud.initDurations()).containsKey(fn.name());
        String after = Files.readString(fn.logFile());
        assertThat(after).startsWith(before);
        String fresh = after.substring(before.length());
        assertThat(fresh.indexOf("START process")).as(fresh).isNotNegative()
                .isLessThan(fresh.indexOf("INIT_REPORT Init Duration:"));
        assertThat(fresh.indexOf("INIT_REPORT Init Duration:")).isLessThan(fresh.indexOf("REPORT RequestId:"));
    }

    @Test
    void withoutATokenOrWithABadOneTheApiAnswers401() throws Exception {
        assertThat(RunningCloud.send("GET", "/me", null, null).statusCode()).isEqualTo(401);
        assertThat(RunningCloud.send("GET", "/me", "not-a-jwt", null).statusCode()).isEqualTo(401);
        String good = RunningCloud.get().token("sam");
        String[] parts = good.split("\\.");
        // same header and signature, a payload that claims another group: the signature no longer matches
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"staff\"", "\"office-manager\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(RunningCloud.send("GET", "/people", forged, null).statusCode()).isEqualTo(401);
        assertThat(RunningCloud.send("GET", "/me", good.substring(0, good.length() - 4) + "AAAA", null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownRoutesAre404() throws Exception {
        assertThat(RunningCloud.send("GET", "/no-such-route", RunningCloud.get().token("sam"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void meAnswersWithTheDemoPersonOfTheToken() throws Exception {
        HttpResponse<String> r = RunningCloud.send("GET", "/me", RunningCloud.get().token("sam"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("email").asText()).isEqualTo("sam@example.org");
        assertThat(json(r).path("roles").toString()).contains("staff");
    }

    @Test
    void theOfficeManagerCreatesASiteAndAPersonAndStaffMayNot() throws Exception {
        String olga = RunningCloud.get().token("olga");
        HttpResponse<String> site = RunningCloud.send("POST", "/sites", olga,
                "{\"name\":\"Utrecht Centraal\",\"timeZone\":\"Europe/Amsterdam\",\"workingHours\":{\"opens\":\"08:00\",\"closes\":\"18:00\","
                        + "\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]}}");
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        // one of each, although the function's answer carries them in headers and multiValueHeaders
        assertThat(site.headers().allValues("Content-Type")).hasSize(1);
        assertThat(site.headers().allValues("Location")).hasSizeLessThanOrEqualTo(1);
        String siteId = json(site).path("id").asText();

        String email = "new." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> person = RunningCloud.send("POST", "/people", olga,
                "{\"name\":\"Nieuwe Collega\",\"email\":\"" + email + "\",\"language\":\"nl\",\"roles\":[\"staff\"],\"siteId\":\"" + siteId + "\"}");
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
        String id = json(person).path("id").asText();

        HttpResponse<String> read = RunningCloud.send("GET", "/people/" + id, olga, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("email").asText()).isEqualTo(email);
        assertThat(json(read).path("siteId").asText()).isEqualTo(siteId);

        HttpResponse<String> page = RunningCloud.send("GET", "/people?limit=2", olga, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).path("items").size()).isEqualTo(2);
        assertThat(json(page).path("nextCursor").asText()).isNotEmpty();

        String sam = RunningCloud.get().token("sam");
        HttpResponse<String> denied = RunningCloud.send("POST", "/people", sam,
                "{\"name\":\"Niet Toegestaan\",\"email\":\"nope@example.org\",\"language\":\"nl\",\"roles\":[\"staff\"]}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(RunningCloud.send("GET", "/people", sam, null).statusCode()).isEqualTo(403);
        // the demo data is there: both sites, readable by staff
        HttpResponse<String> sites = RunningCloud.send("GET", "/sites", sam, null);
        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.body()).contains("Amsterdam Zuidas", "Rotterdam Centraal");
    }

    @Test
    void anEmailSentThroughTheLocalSesIsOnTheMailPageWithItsAttachment() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String subject = "Uitnodiging " + UUID.randomUUID();
        String raw = "From: " + LocalAws.SENDER_EMAIL + "\r\nTo: Sam de Vries <sam@example.org>\r\nSubject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJe bent uitgenodigd.\r\n"
                + "--b1\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n"
                + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n--b1--\r\n";
        cloud.aws().sesV2().sendEmail(b -> b.fromEmailAddress(LocalAws.SENDER_EMAIL)
                .destination(d -> d.toAddresses("sam@example.org"))
                .content(c -> c.raw(x -> x.data(SdkBytes.fromUtf8String(raw)))));

        HttpResponse<String> list = RunningCloud.send("GET", "/local/mail", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(list.body()).contains(subject, "sam@example.org");
        // one recipient is shown once, though SES has it from the envelope and from the To header
        assertThat(list.body()).doesNotContain("Sam de Vries &lt;sam@example.org&gt;");

        HttpResponse<String> json = RunningCloud.send("GET", "/local/mail.json?to=SAM@example.org", null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode mail = json(json).path("messages").get(0);
        assertThat(mail.path("subject").asText()).isEqualTo(subject);
        assertThat(mail.path("to").toString()).isEqualTo("[\"sam@example.org\"]");
        assertThat(mail.path("from").asText()).isEqualTo(LocalAws.SENDER_EMAIL);
        assertThat(mail.path("date").asText()).endsWith("Z");
        assertThat(mail.path("text").asText()).contains("Je bent uitgenodigd.");
        assertThat(mail.path("attachments").get(0).path("name").asText()).isEqualTo("invite.ics");
        assertThat(mail.path("attachments").get(0).path("type").asText()).startsWith("text/calendar");
        assertThat(mail.path("attachments").get(0).path("size").asInt()).isPositive();
        assertThat(json(RunningCloud.send("GET", "/local/mail.json?to=nobody@example.org", null, null)).path("messages")).isEmpty();

        HttpResponse<String> message = RunningCloud.send("GET", mail.path("url").asText(), null, null);
        assertThat(message.body()).contains(subject, "invite.ics", "Je bent uitgenodigd.");
        HttpResponse<String> attachment = RunningCloud.send("GET", mail.path("attachments").get(0).path("url").asText(), null, null);
        assertThat(attachment.statusCode()).isEqualTo(200);
        assertThat(attachment.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(attachment.body()).contains("BEGIN:VCALENDAR");
    }

    @Test
    void tokensComeFromOneEndpointAndAnUnknownUserOrScheduleIsA404() throws Exception {
        HttpResponse<String> token = RunningCloud.send("GET", "/local/token?user=olga", null, null);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body().split("\\.")).hasSize(3);
        assertThat(RunningCloud.send("GET", "/me", token.body(), null).statusCode()).isEqualTo(200);
        assertThat(RunningCloud.send("GET", "/local/token?user=nobody", null, null).statusCode()).isEqualTo(404);
        assertThat(RunningCloud.send("POST", "/local/schedules/NoFunction/NoEvent", null, null).statusCode()).isEqualTo(404);
        String schedule = RunningCloud.get().schedules().names().get(0);
        HttpResponse<String> badTime = RunningCloud.send("POST", "/local/schedules/" + schedule + "?at=yesterday", null, null);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body().strip()).contains("at must be a date-time").doesNotContain("\n");
    }

    @Test
    void corsPreflightIsAnsweredByTheApiAsApiGatewayDoesForTheAppsOriginOnly() throws Exception {
        // the template allows the web app's origin (AppOrigin), which locally is the local cloud's own
        String app = RunningCloud.get().baseUrl().toString();
        HttpResponse<String> r = preflight(app);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(app);
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Idempotency-Key");
        assertThat(preflight("https://elsewhere.example.com").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(RunningCloud.get().baseUrl() + "/people"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST").build();
        return RunningCloud.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
