package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import org.junit.jupiter.api.Test;

/**
 * Every bad input is a 4xx problem+json naming what is wrong, and changes nothing: no item
 * logged, no e-mail queued, the item asked about at the version it had.
 */
class BadInputTest {

    private final MailroomFunction fn = MailroomFunction.get();

    private record Case(String name, HttpEvent event, int status, String field) {
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String site = fn.site("Europe/Amsterdam");
        Person rita = fn.person("Rita Bakker", "nl", site, null, "reception", "staff");
        Person sam = fn.person("Sam de Vries", "en", site, "Sales");
        Person noHome = fn.person("Noor El Amrani", "nl", site, "Sales");
        HttpAnswer logged = fn.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body(Deliveries.at(site).parcelFor(sam.id()).lettersForDepartment("Sales", 2).parcelFor(noHome.id()).json()), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String item = logged.json().path("items").get(0).path("id").asText();
        String departmentItem = logged.json().path("items").get(1).path("id").asText();
        String noHomeItem = logged.json().path("items").get(2).path("id").asText();
        long version = version(rita, item);
        int mails = fn.mailsTo(sam.email()).size();
        int onShelves = shelves(rita, site);

        String good = "{\"kind\":\"parcel\",\"carrier\":\"dhl\",\"recipient\":{\"personId\":\"" + sam.id() + "\"},\"shelf\":\"B\"}";
        List<Case> cases = new ArrayList<>();
        java.util.function.BiConsumer<String, Object[]> logCase = (body, expected) -> cases.add(new Case("log " + body,
                rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null).body(body), "reception"),
                (Integer) expected[0], (String) expected[1]));
        logCase.accept("", new Object[] {400, null});
        logCase.accept("not json", new Object[] {400, null});
        logCase.accept("[]", new Object[] {400, null});
        logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[" + good + "],\"extra\":1}", new Object[] {400, "extra"});
        logCase.accept("{\"items\":[" + good + "]}", new Object[] {400, "siteId"});
        logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[]}", new Object[] {400, "items"});
        logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[" + String.join(",", java.util.Collections.nCopies(26, good)) + "]}",
                new Object[] {400, "items"});
        String[][] badItems = {
            {"\"kind\":\"crate\"", "kind"}, {"\"carrier\":\"fedex\"", "carrier"},
            {"\"trackingNumber\":\"ABC\"", "trackingNumber"}, {"\"carrier\":\"ups\",\"trackingNumber\":\"1Z999AA10123456785\"", "trackingNumber"},
            {"\"kind\":\"registered-letter\",\"carrier\":\"postnl\"", "trackingNumber"}, {"\"count\":0", "count"}, {"\"count\":1000", "count"},
            {"\"shelf\":\"" + "x".repeat(21) + "\"", "shelf"}, {"\"notes\":\"a\\u0007b\"", "notes"},
            {"\"receivedAt\":\"2027-04-30T10:00:00+02:00\"", "receivedAt"}, {"\"receivedAt\":\"2027-01-01T10:00:00+01:00\"", "receivedAt"},
            {"\"receivedAt\":\"yesterday\"", "receivedAt"}, {"\"scan\":{\"contentType\":\"image/jpeg\",\"bytes\":0}", "scan.bytes"},
            {"\"recipient\":{}", "recipient.personId"}, {"\"recipient\":{\"personId\":\"" + sam.id() + "\",\"department\":\"Sales\"}", "recipient.personId"},
            {"\"recipient\":{\"personId\":\"a b\"}", "recipient.personId"}, {"\"sender\":42", "sender"},
        };
        for (String[] bad : badItems) {
            String item0 = mergeInto(good, bad[0]);
            // one bad item among good ones: the whole delivery is refused
            logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[" + good + "," + item0 + "]}",
                    new Object[] {400, "items[1]." + bad[1]});
        }
        logCase.accept("{\"siteId\":\"01JNOSUCHSITE0000000000000\",\"items\":[" + good + "]}", new Object[] {422, null});
        logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[" + good + "," + mergeInto(good, "\"recipient\":{\"personId\":\"01JNOSUCHPERSON00000000000\"}") + "]}",
                new Object[] {422, "items[1].recipient.personId"});
        logCase.accept("{\"siteId\":\"" + site + "\",\"items\":[" + mergeInto(good, "\"recipient\":{\"department\":\"Nobody here\"}") + "]}",
                new Object[] {422, "items[0].recipient.department"});

        cases.add(new Case("pickup both", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{\"code\":\"123456\",\"identityChecked\":true}"), "reception"), 400, "code"));
        cases.add(new Case("pickup neither", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{}"), "reception"), 400, "code"));
        cases.add(new Case("pickup short code", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{\"code\":\"12345\"}"), "reception"), 400, "code"));
        cases.add(new Case("pickup unknown field", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{\"identityChecked\":true,\"who\":1}"), "reception"), 400, "who"));
        cases.add(new Case("pickup unknown collector", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{\"code\":\"123456\",\"collectorId\":\"01JNOSUCHPERSON00000000000\"}"), "reception"), 422, "collectorId"));
        cases.add(new Case("delegate without code", rita.as(MailroomApiTest.onItem("pickup-mail.json", item).body("{\"identityChecked\":true,\"collectorId\":\"" + noHome.id() + "\"}"), "reception"), 422, null));
        cases.add(new Case("department without collector", rita.as(MailroomApiTest.onItem("pickup-mail.json", departmentItem).body("{\"identityChecked\":true}"), "reception"), 400, "collectorId"));
        cases.add(new Case("forward to nowhere", sam.as(MailroomApiTest.onItem("forward-request.json", item).body("{\"to\":\"moon\"}"), "staff"), 400, "to"));
        cases.add(new Case("forward no address", sam.as(MailroomApiTest.onItem("forward-request.json", item).body("{\"to\":\"address\"}"), "staff"), 400, "address"));
        cases.add(new Case("forward bad country", sam.as(MailroomApiTest.onItem("forward-request.json", item).body(
                "{\"to\":\"address\",\"address\":{\"line1\":\"Dam 1\",\"postalCode\":\"1012 JS\",\"city\":\"Amsterdam\",\"country\":\"nl\"}}"), "staff"), 400, "address.country"));
        cases.add(new Case("forward home and address", sam.as(MailroomApiTest.onItem("forward-request.json", item).body(
                "{\"to\":\"home\",\"address\":{\"line1\":\"Dam 1\",\"postalCode\":\"1012 JS\",\"city\":\"Amsterdam\",\"country\":\"NL\"}}"), "staff"), 400, "address"));
        cases.add(new Case("forward home without one", noHome.as(MailroomApiTest.onItem("forward-request.json", noHomeItem).body("{\"to\":\"home\"}"), "staff"), 422, null));
        cases.add(new Case("forward department post", sam.as(MailroomApiTest.onItem("forward-request.json", departmentItem).body("{\"to\":\"home\"}"), "staff"), 422, null));
        cases.add(new Case("forwarded unasked", rita.as(MailroomApiTest.onItem("mail-forwarded.json", item), "reception"), 422, null));
        cases.add(new Case("forwarded bad number", rita.as(MailroomApiTest.onItem("mail-forwarded.json", item).body("{\"carrier\":\"dpd\",\"trackingNumber\":\"12\"}"), "reception"), 400, "trackingNumber"));
        cases.add(new Case("return without number", rita.as(MailroomApiTest.onItem("return-mail.json", item).body("{\"carrier\":\"postnl\"}"), "reception"), 400, "trackingNumber"));
        cases.add(new Case("scan never announced", rita.as(MailroomApiTest.onItem("mail-scan-uploaded.json", item), "reception"), 409, null));
        cases.add(new Case("list status", sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("status", "lost"), "staff"), 400, "status"));
        cases.add(new Case("list scope", sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("scope", "all"), "staff"), 400, "scope"));
        cases.add(new Case("list limit", sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("limit", "0"), "staff"), 400, "limit"));
        cases.add(new Case("list cursor", sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("cursor", "forged"), "staff"), 400, null));
        cases.add(new Case("recipients no q", MailroomFunction.event("mail-recipients.json").queryParameter("q", null), 400, "q"));
        cases.add(new Case("recipients long q", MailroomFunction.event("mail-recipients.json").queryParameter("q", "x".repeat(101)), 400, "q"));
        cases.add(new Case("recipients limit", MailroomFunction.event("mail-recipients.json").queryParameter("limit", "50"), 400, "limit"));
        cases.add(new Case("counts no from", MailroomFunction.event("mail-counts.json").queryParameter("from", null), 400, "from"));
        cases.add(new Case("counts backwards", MailroomFunction.event("mail-counts.json").queryParameter("from", "2027-04-01"), 400, "to"));
        cases.add(new Case("counts too long", MailroomFunction.event("mail-counts.json").queryParameter("from", "2025-01-01"), 400, "to"));
        cases.add(new Case("counts bad date", MailroomFunction.event("mail-counts.json").queryParameter("to", "31-03-2027"), 400, "to"));
        cases.add(new Case("settings order", MailroomFunction.event("put-mail-settings.json").body(
                "{\"firstReminderDays\":7,\"secondReminderDays\":3,\"returnAfterDays\":14,\"keepDays\":90}"), 400, "secondReminderDays"));
        cases.add(new Case("settings missing", MailroomFunction.event("put-mail-settings.json").body("{\"firstReminderDays\":3}"), 400, "secondReminderDays"));
        cases.add(new Case("settings zero", MailroomFunction.event("put-mail-settings.json").body(
                "{\"firstReminderDays\":3,\"secondReminderDays\":7,\"returnAfterDays\":14,\"keepDays\":0}"), 400, "keepDays"));

        for (Case c : cases) {
            HttpAnswer answer = fn.send(c.event());
            assertThat(answer.status()).as(c.name() + " -> " + answer).isEqualTo(c.status());
            assertThat(answer.isProblem()).as(c.name()).isTrue();
            if (c.field() != null) {
                assertThat(answer.problemFields()).as(c.name() + " -> " + answer).contains(c.field());
            }
        }
        assertThat(version(rita, item)).as("the item is as it was").isEqualTo(version);
        assertThat(fn.mailsTo(sam.email())).as("no e-mail queued").hasSize(mails);
        assertThat(shelves(rita, site)).as("nothing logged").isEqualTo(onShelves);
    }

    /** The good item with some of its fields replaced or added. */
    private static String mergeInto(String good, String fields) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var base = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(good);
            var extra = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree("{" + fields + "}");
            base.setAll(extra);
            return json.writeValueAsString(base);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(fields, e);
        }
    }

    private long version(Person desk, String id) {
        return fn.send(desk.as(MailroomApiTest.onItem("get-mail.json", id), "reception")).json().path("version").asLong();
    }

    private int shelves(Person desk, String site) {
        return fn.send(desk.as(MailroomFunction.event("list-shelves.json").queryParameter("site", site).queryParameter("limit", "200"),
                "reception")).json().path("items").size();
    }
}
