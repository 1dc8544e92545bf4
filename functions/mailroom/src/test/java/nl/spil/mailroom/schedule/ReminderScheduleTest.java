package nl.spil.mailroom.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.mailroom.api.MailroomFunction;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.mailroom.api.TestClock;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.Events;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.TestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The reminder schedule through its real handler class: hourly ticks act per site from 09:00 in
 * the site's own zone; an item waiting 3 days gets the first reminder, at 7 days the second, each
 * once; at 14 days the office manager gets it on a return-to-sender list, once; a collected item
 * gets nothing; the same tick twice sends nothing twice.
 */
class ReminderScheduleTest {

    private static final MailroomFunction FN = MailroomFunction.get();
    private static MailReminderHandler handler;

    @AfterAll
    static void close() {
        TestClock.INSTANCE.reset();
        if (handler != null) {
            handler.close();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tick(String scheduledTime) {
        if (handler == null) {
            handler = new MailReminderHandler();
        }
        Map<String, Object> event = new HashMap<>(Events.load("mailroom/reminder-tick.json", Map.class));
        if (scheduledTime != null) {
            event.put("scheduledTime", scheduledTime);
        }
        return handler.handleRequest(event, TestContext.forFunction(FN.aws.template(), "MailReminderFunction"));
    }

    private static String logFor(Person desk, String site, Person recipient) {
        HttpAnswer logged = FN.send(desk.as(MailroomFunction.event("log-mail.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + site + "\",\"items\":[{\"kind\":\"parcel\",\"carrier\":\"gls\",\"sender\":\"Zalando\","
                        + "\"recipient\":{\"personId\":\"" + recipient.id() + "\"},\"shelf\":\"P\"}]}"), "reception"));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.json().path("items").get(0).path("id").asText();
    }

    private static List<OutboxItem.Email> reminders(Person p) {
        return FN.mailsTo(p.email()).stream()
                .filter(m -> m.message().content().subject().startsWith("Reminder") || m.message().content().subject().startsWith("Herinnering"))
                .toList();
    }

    @Test
    void remindersGoOutFromNineInEachSitesZoneOncePerItemAndLevel() {
        TestClock.INSTANCE.set(Instant.parse("2027-03-22T09:00:00Z"));
        String amsterdam = FN.site("Europe/Amsterdam");
        String newYork = FN.site("America/New_York");
        Person rita = FN.person("Rita Bakker", "nl", amsterdam, null, "reception", "staff");
        Person olga = FN.person("Olga Jansen", "nl", amsterdam, null, "office-manager");
        Person sam = FN.person("Sam de Vries", "en", amsterdam, null);
        Person kim = FN.person("Kim Bos", "nl", amsterdam, null);
        Person ned = FN.person("Ned Stark", "en", newYork, null);
        String samsParcel = logFor(rita, amsterdam, sam);
        String kimsParcel = logFor(rita, amsterdam, kim);
        logFor(rita, newYork, ned);
        String code = FN.send(kim.as(MailroomFunction.event("get-mail.json").pathParameter("id", kimsParcel)
                .path("/mail/" + kimsParcel), "staff")).json().path("pickupCode").asText();
        assertThat(FN.send(rita.as(MailroomFunction.event("pickup-mail.json").pathParameter("id", kimsParcel)
                .path("/mail/" + kimsParcel + "/pickup").body("{\"code\":\"" + code + "\"}"), "reception")).status()).isEqualTo(200);

        tick("2027-03-25T07:00:00Z"); // 08:00 in Amsterdam: not yet
        assertThat(reminders(sam)).isEmpty();
        tick("2027-03-25T08:00:00Z"); // 09:00 in Amsterdam, 04:00 in New York
        assertThat(reminders(sam)).hasSize(1);
        assertThat(reminders(sam).get(0).message().content().text()).contains("for 3 days", "Zalando");
        assertThat(reminders(ned)).isEmpty();
        assertThat(reminders(kim)).as("collected: nothing to remind of").isEmpty();
        tick("2027-03-25T08:00:00Z"); // the same tick again
        tick("2027-03-25T09:00:00Z"); // and the next hour
        assertThat(reminders(sam)).as("once per item and level").hasSize(1);
        tick("2027-03-25T13:00:00Z"); // 09:00 in New York
        assertThat(reminders(ned)).hasSize(1);

        TestClock.INSTANCE.set(Instant.parse("2027-03-29T07:00:00Z"));
        tick(null); // the shipped event: 29 March, 09:00 in Amsterdam (summer time since the 28th): day 7
        assertThat(reminders(sam)).hasSize(2);
        // the outbox lists mail in no particular order
        assertThat(reminders(sam)).extracting(m -> m.message().content().text())
                .anySatisfy(text -> assertThat(text).contains("for 3 days"))
                .anySatisfy(text -> assertThat(text).contains("for 7 days"));
        HttpAnswer item = FN.send(sam.as(MailroomFunction.event("get-mail.json").pathParameter("id", samsParcel)
                .path("/mail/" + samsParcel), "staff"));
        assertThat(item.json().path("reminders").asInt()).isEqualTo(2);

        assertThat(FN.mailsTo(olga.email())).isEmpty();
        tick("2027-04-05T07:00:00Z"); // day 14: the return-to-sender list
        List<OutboxItem.Email> returnList = FN.mailsTo(olga.email());
        assertThat(returnList).hasSize(1);
        assertThat(returnList.get(0).message().content().subject()).startsWith("Retour afzender: 1 poststuk");
        assertThat(returnList.get(0).message().content().text()).contains(samsParcel, "Sam de Vries");
        tick("2027-04-05T07:00:00Z");
        tick("2027-04-06T07:00:00Z");
        assertThat(FN.mailsTo(olga.email())).as("listed once").hasSize(1);
        assertThat(reminders(sam)).as("no third reminder").hasSize(2);
    }
}
