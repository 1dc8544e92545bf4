package nl.spil.mailroom.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.mailroom.api.TestClock;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No recipient name, e-mail or address in any log line: a whole life of post (logged, a wrong
 * code, forwarded to an address, a reminder, returned, the recipient leaving) with every line the
 * functions write captured.
 */
class NoPersonalDataInLogsTest {

    private static final MailroomFunction FN = MailroomFunction.get();

    @AfterEach
    void reset() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theLogsNameNoRecipient() {
        TestClock.INSTANCE.set(Instant.parse("2027-03-22T09:00:00Z"));
        String site = FN.site("Europe/Amsterdam");
        Person rita = FN.person("Rita Bakker", "nl", site, null, "reception", "staff");
        FN.person("Olga Jansen", "nl", site, null, "office-manager");
        Person zeb = FN.person("Zebedee Quarrington", "en", site, "Quixotry");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            HttpAnswer logged = FN.send(rita.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null).body(
                    "{\"siteId\":\"" + site + "\",\"items\":[{\"kind\":\"parcel\",\"carrier\":\"dhl\",\"sender\":\"Quasimodo BV\","
                            + "\"recipient\":{\"personId\":\"" + zeb.id() + "\"},\"shelf\":\"Q\"},{\"kind\":\"letter\",\"carrier\":\"postnl\","
                            + "\"recipient\":{\"department\":\"Quixotry\"},\"shelf\":\"Q\"}]}"), "reception"));
            String first = logged.json().path("items").get(0).path("id").asText();
            String second = logged.json().path("items").get(1).path("id").asText();
            FN.send(rita.as(on("pickup-mail.json", first).body("{\"code\":\"000001\"}"), "reception"));
            FN.send(zeb.as(on("forward-request.json", first).body("{\"to\":\"address\",\"address\":{\"line1\":\"Quirkstraat 77\","
                    + "\"postalCode\":\"9999 ZZ\",\"city\":\"Xanadu\",\"country\":\"NL\"}}"), "staff"));
            FN.send(MailroomFunction.event("forwarding-labels.json").queryParameter("site", site));
            FN.send(rita.as(on("mail-forwarded.json", first), "reception"));
            FN.send(MailroomFunction.event("mail-recipients.json").queryParameter("q", "Zebedee Quarington"));
            ReminderScheduleTest.tick("2027-03-25T08:00:00Z");
            ReminderScheduleTest.tick("2027-04-05T07:00:00Z");
            FN.send(rita.as(on("return-mail.json", second), "reception"));
            new PersonLeftHandler().handleRequest(Map.of("source", "nl.spil.directory", "detail-type", "PersonLeft",
                    "detail", Map.of("personId", zeb.id(), "leftAt", "2027-04-06T10:00:00Z", "eventId", MailroomFunction.unique("event"))),
                    TestContext.forFunction(FN.aws.template(), "MailPersonLeftFunction"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture works").contains("logged delivery", "mail reminders", "person-left event");
        for (String personal : new String[] {"Zebedee", "Quarrington", "Quarington", zeb.email(), "Quirkstraat", "9999 ZZ", "Xanadu",
                "Quixotry", "Quasimodo"}) {
            assertThat(logs).as("no %s in the logs", personal).doesNotContainIgnoringCase(personal);
        }
    }

    private static HttpEvent on(String event, String id) {
        HttpEvent e = MailroomFunction.event(event).pathParameter("id", id);
        return e.path(e.build().getRawPath().replace("01JMAIL0000000000000000001", id));
    }
}
