package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mailroom's routes through the real handler, driven by the events in events/mailroom. */
class MailroomApiTest {

    private final MailroomFunction fn = MailroomFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private HttpAnswer log(Person desk, String body) {
        return fn.send(desk.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null).body(body),
                "reception", "staff"));
    }

    private JsonNode logged(Person desk, String body) {
        HttpAnswer answer = log(desk, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    static HttpEvent onItem(String event, String itemId) {
        HttpEvent e = MailroomFunction.event(event).pathParameter("id", itemId);
        String path = e.build().getRawPath().replace("01JMAIL0000000000000000001", itemId);
        return e.path(path);
    }

    @Test
    void aParcelIsLoggedTheRecipientToldInTheirLanguageAndHandedOutAgainstTheCode() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, "Sales");

        RecordedOutcomes.Mark logging = TestOutcomes.RECORDED.mark();
        JsonNode delivery = logged(rita, Deliveries.at(site).parcelFor(sam.id()).letterFor(sam.id(), "A").json());
        assertThat(delivery.path("items")).hasSize(2);
        assertThat(logging.since()).as("each item logged counts").isEqualTo(Map.of(Outcome.POST_LOGGED, 2L));
        String parcel = delivery.path("items").get(0).path("id").asText();
        assertThat(delivery.path("items").get(0).path("status").asText()).isEqualTo("waiting");
        assertThat(delivery.path("items").get(0).has("pickupCode")).as("reception never sees the code").isFalse();

        List<OutboxItem.Email> mails = fn.mailsTo(sam.email());
        assertThat(mails).as("one e-mail per recipient per delivery").hasSize(1);
        var mail = mails.get(0).message();
        assertThat(mail.language().code()).isEqualTo("en");
        assertThat(mail.content().subject()).contains("2 items are waiting for you", "shelves A, B");

        HttpAnswer mine = fn.send(sam.as(MailroomFunction.event("list-my-mail.json"), "staff"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("items")).hasSize(2);
        String code = mine.json().path("items").get(0).path("pickupCode").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(mail.content().text()).contains(code);

        RecordedOutcomes.Mark handing = TestOutcomes.RECORDED.mark();
        HttpAnswer handed = fn.send(rita.as(onItem("pickup-mail.json", parcel).body("{\"code\":\"" + code + "\"}"), "reception"));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        assertThat(handed.json().path("status").asText()).isEqualTo("collected");
        assertThat(handed.json().path("handedOut").path("collectorId").asText()).isEqualTo(sam.id());
        assertThat(handed.json().path("handedOut").path("receptionistName").asText()).isEqualTo("Rita Bakker");
        assertThat(handed.json().path("handedOut").path("byDelegate").asBoolean()).isFalse();

        HttpAnswer again = fn.send(rita.as(onItem("pickup-mail.json", parcel).body("{\"code\":\"" + code + "\"}"), "reception"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(handing.since()).as("handed out once").isEqualTo(Map.of(Outcome.POST_HANDED_OUT, 1L));

        HttpAnswer done = fn.send(sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("status", "done"), "staff"));
        assertThat(done.json().path("items")).hasSize(1);
        assertThat(done.json().path("items").get(0).has("pickupCode")).isFalse();
    }

    private String codeOf(Person recipient, String itemId) {
        return fn.send(recipient.as(onItem("get-mail.json", itemId), "staff")).json().path("pickupCode").asText();
    }

    private HttpAnswer pickup(Person desk, String itemId, String body) {
        return fn.send(desk.as(onItem("pickup-mail.json", itemId).body(body), "reception"));
    }

    @Test
    void fiveWrongCodesLockTheItemUntilReceptionUnlocksIt() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        String id = logged(rita, Deliveries.at(site).parcelFor(sam.id()).json()).path("items").get(0).path("id").asText();
        String code = codeOf(sam, id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        for (int i = 1; i <= 4; i++) {
            HttpAnswer refused = pickup(rita, id, "{\"code\":\"" + wrong + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().path("type").asText()).endsWith("/wrong-code");
            assertThat(refused.json().path("detail").asText()).contains((5 - i) + " tries left");
        }
        HttpAnswer fifth = pickup(rita, id, "{\"code\":\"" + wrong + "\"}");
        assertThat(fifth.json().path("type").asText()).endsWith("/wrong-code-locked");
        HttpAnswer locked = pickup(rita, id, "{\"code\":\"" + code + "\"}");
        assertThat(locked.status()).isEqualTo(422);
        assertThat(locked.json().path("type").asText()).as("even the right code waits for reception").endsWith("/pickup-locked");
        assertThat(fn.send(rita.as(onItem("get-mail.json", id), "reception")).json().path("locked").asBoolean()).isTrue();
        assertThat(mark.since()).as("a wrong code hands nothing out").isEmpty();

        // no body, as the web app sends it (the route takes no fields)
        HttpAnswer unlocked = fn.send(rita.as(onItem("unlock-mail.json", id).body((String) null), "reception"));
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(unlocked.json().path("wrongCodes").asInt()).isZero();
        assertThat(pickup(rita, id, "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aDelegateCollectsWithTheCodeAndTheRecipientInPersonWithout() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        Person tom = fn.person("Tom Peters", "en", site, null);
        JsonNode items = logged(rita, Deliveries.at(site).parcelFor(sam.id()).letterFor(sam.id(), "A").json()).path("items");
        String parcel = items.get(0).path("id").asText();
        String letter = items.get(1).path("id").asText();

        HttpAnswer byTom = pickup(rita, parcel, "{\"code\":\"" + codeOf(sam, parcel) + "\",\"collectorId\":\"" + tom.id() + "\"}");
        assertThat(byTom.status()).as(byTom.toString()).isEqualTo(200);
        assertThat(byTom.json().path("handedOut").path("collectorName").asText()).isEqualTo("Tom Peters");
        assertThat(byTom.json().path("handedOut").path("byDelegate").asBoolean()).isTrue();
        assertThat(byTom.json().path("handedOut").path("check").asText()).isEqualTo("code");

        HttpAnswer inPerson = pickup(rita, letter, "{\"identityChecked\":true}");
        assertThat(inPerson.status()).as(inPerson.toString()).isEqualTo(200);
        assertThat(inPerson.json().path("handedOut").path("collectorId").asText()).isEqualTo(sam.id());
        assertThat(inPerson.json().path("handedOut").path("check").asText()).isEqualTo("identity");
    }

    @Test
    void aDepartmentsPostIsToldToItsPeopleAndCollectedByAnyOfThem() {
        String site = fn.site("Europe/Amsterdam");
        String elsewhere = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person fay = fn.person("Fay Jansen", "nl", site, "Finance");
        Person gus = fn.person("Gus de Wit", "en", site, "FINANCE");
        Person away = fn.person("Hal Smit", "nl", elsewhere, "Finance");
        Person sam = fn.person("Sam de Vries", "en", site, "Sales");
        String id = logged(rita, Deliveries.at(site).lettersForDepartment("finance", 3).json()).path("items").get(0).path("id").asText();

        assertThat(fn.mailsTo(fay.email())).hasSize(1);
        assertThat(fn.mailsTo(gus.email())).hasSize(1);
        assertThat(fn.mailsTo(gus.email()).get(0).message().content().subject()).contains("(finance)");
        assertThat(fn.mailsTo(away.email())).as("another site's Finance is not told").isEmpty();
        HttpAnswer shared = fn.send(gus.as(MailroomFunction.event("list-my-mail.json").queryParameter("scope", "department"), "staff"));
        assertThat(shared.json().path("items")).hasSize(1);
        assertThat(shared.json().path("items").get(0).path("pickupCode").asText()).matches("\\d{6}");
        assertThat(fn.send(sam.as(onItem("get-mail.json", id), "staff")).status()).isEqualTo(404);

        HttpAnswer notMember = pickup(rita, id, "{\"identityChecked\":true,\"collectorId\":\"" + sam.id() + "\"}");
        assertThat(notMember.status()).isEqualTo(422);
        HttpAnswer member = pickup(rita, id, "{\"identityChecked\":true,\"collectorId\":\"" + gus.id() + "\"}");
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().path("handedOut").path("byDelegate").asBoolean()).isFalse();
    }

    @Test
    void aHomeWorkerHasAnItemForwardedAndIsToldTheTrackingNumber() throws Exception {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person olga = fn.person("Olga Jansen", "nl", site, null, "office-manager");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        String id = logged(rita, Deliveries.at(site).parcelFor(sam.id()).json()).path("items").get(0).path("id").asText();

        HttpAnswer asked = fn.send(sam.as(onItem("forward-request.json", id), "staff"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().path("status").asText()).isEqualTo("forward-requested");
        assertThat(asked.json().path("forwarding").has("address")).as("not even back to the recipient").isFalse();

        HttpAnswer list = fn.send(olga.as(MailroomFunction.event("forwarding-list.json").queryParameter("site", site), "office-manager"));
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("forwarding").path("address").path("city").asText()).isEqualTo("Amsterdam");
        HttpAnswer labels = fn.send(olga.as(MailroomFunction.event("forwarding-labels.json").queryParameter("site", site), "office-manager"));
        assertThat(labels.status()).as(labels.toString()).isEqualTo(200);
        assertThat(labels.header("Content-Type")).startsWith("application/pdf");
        assertThat(labels.body()).as("sent base64-encoded through API Gateway, decoded here").startsWith("%PDF-");

        HttpAnswer sent = fn.send(rita.as(onItem("mail-forwarded.json", id), "reception"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().path("status").asText()).isEqualTo("forwarded");
        assertThat(sent.json().path("forwarding").path("trackingNumber").asText()).isEqualTo("3SABCD123456789");
        assertThat(sent.json().path("forwarding").has("address")).as("the address is dropped once sent").isFalse();
        assertThat(fn.mailsTo(sam.email())).anySatisfy(m -> assertThat(m.message().content().text()).contains("3SABCD123456789"));
        assertThat(fn.send(olga.as(MailroomFunction.event("forwarding-list.json").queryParameter("site", site), "office-manager"))
                .json().path("items")).isEmpty();
        assertThat(fn.send(sam.as(onItem("get-mail.json", id), "staff")).json().has("pickupCode")).isFalse();
    }

    @Test
    void toHomeMeansTheAddressTheDirectoryHas() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        fn.homeAddress(sam, "Zeestraat 4", "2518 AA", "Den Haag");
        String id = logged(rita, Deliveries.at(site).letterFor(sam.id(), "A").json()).path("items").get(0).path("id").asText();
        HttpAnswer asked = fn.send(sam.as(onItem("forward-request.json", id).body("{\"to\":\"home\"}"), "staff"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().path("forwarding").path("to").asText()).isEqualTo("home");
        HttpAnswer desk = fn.send(rita.as(onItem("get-mail.json", id), "reception"));
        assertThat(desk.json().path("forwarding").path("address").path("city").asText()).isEqualTo("Den Haag");
        HttpAnswer twice = fn.send(sam.as(onItem("forward-request.json", id).body("{\"to\":\"home\"}"), "staff"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void uncollectedPostGoesBackToItsSenderWithATrackingNumberAndTheDaysAreCounted() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person olga = fn.person("Olga Jansen", "nl", site, null, "office-manager");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        JsonNode items = logged(rita, Deliveries.at(site).parcelFor(sam.id()).letterFor(sam.id(), "A").json()).path("items");
        String parcel = items.get(0).path("id").asText();

        HttpAnswer early = fn.send(olga.as(MailroomFunction.event("return-list.json").queryParameter("site", site), "office-manager"));
        assertThat(early.json().path("items")).isEmpty();
        TestClock.INSTANCE.advance(java.time.Duration.ofDays(14));
        HttpAnswer due = fn.send(olga.as(MailroomFunction.event("return-list.json").queryParameter("site", site), "office-manager"));
        assertThat(due.json().path("items")).hasSize(2);

        HttpAnswer back = fn.send(rita.as(onItem("return-mail.json", parcel), "reception"));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("returned").path("trackingNumber").asText()).isEqualTo("RR123456785NL");
        assertThat(back.json().path("keepUntil").asText()).startsWith("2027-07-04");
        assertThat(fn.send(rita.as(onItem("return-mail.json", parcel), "reception")).status()).isEqualTo(409);

        HttpAnswer counts = fn.send(olga.as(MailroomFunction.event("mail-counts.json").queryParameter("site", site)
                .queryParameter("to", "2027-04-30"), "office-manager"));
        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        assertThat(counts.json().path("items").toString()).contains("\"date\":\"2027-03-22\",\"logged\":2", "\"date\":\"2027-04-05\"",
                "\"returned\":1");
    }

    @Test
    void theSameIdempotencyKeyLogsADeliveryOnce() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        String key = MailroomFunction.unique("delivery");
        HttpEvent first = rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", key)
                .body(Deliveries.at(site).photographedParcelFor(sam.id(), "application/pdf", 2000).json()), "reception");
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        HttpAnswer a = fn.send(first);
        HttpAnswer b = fn.send(first);
        assertThat(mark.since()).as("the replay logs nothing").isEqualTo(Map.of(Outcome.POST_LOGGED, 1L));
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(b.json().path("items").get(0).path("id").asText()).isEqualTo(a.json().path("items").get(0).path("id").asText());
        assertThat(b.json().path("items").get(0).path("scan").path("upload").path("url").asText()).contains("/mailroom/");
        assertThat(fn.mailsTo(sam.email())).hasSize(1);
        HttpAnswer other = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", key)
                .body(Deliveries.at(site).parcelFor(sam.id()).json()), "reception"));
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void theShippedLoggingEventAndASitesSettings() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person olga = fn.person("Olga Jansen", "nl", site, null, "office-manager");
        fn.person("Fay Jansen", "nl", site, "Finance");
        Person sam = fn.person("Sam de Vries", "en", site, null);
        String body = MailroomFunction.event("log-mail.json").build().getBody()
                .replace("01JSITE0000000000000000001", site).replace("01JPERSON000000000000000001", sam.id());
        HttpAnswer logged = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", MailroomFunction.unique("k"))
                .body(body), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().path("items").get(1).path("recipient").path("type").asText()).isEqualTo("department");

        HttpAnswer defaults = fn.send(rita.as(MailroomFunction.event("get-mail-settings.json").pathParameter("siteId", site)
                .path("/mail/settings/" + site), "reception"));
        assertThat(defaults.json().path("firstReminderDays").asInt()).isEqualTo(3);
        assertThat(defaults.json().path("keepDays").asInt()).isEqualTo(90);
        HttpAnswer set = fn.send(olga.as(MailroomFunction.event("put-mail-settings.json").pathParameter("siteId", site)
                .path("/mail/settings/" + site).body("{\"firstReminderDays\":2,\"secondReminderDays\":5,\"returnAfterDays\":10,\"keepDays\":30}"),
                "office-manager"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(fn.send(rita.as(MailroomFunction.event("get-mail-settings.json").pathParameter("siteId", site)
                .path("/mail/settings/" + site), "reception")).json().path("keepDays").asInt()).isEqualTo(30);
        assertThat(fn.send(MailroomFunction.event("get-mail-settings.json")).status()).as("an unknown site").isEqualTo(404);
    }
}
