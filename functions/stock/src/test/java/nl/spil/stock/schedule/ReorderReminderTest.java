package nl.spil.stock.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.identity.Role;
import nl.spil.platform.metrics.Outcome;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.stock.api.StockFunction;
import nl.spil.stock.app.RemindingToReorder;
import nl.spil.testkit.Events;
import nl.spil.testkit.Outboxes;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestContext;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled reorder reminder through its real handler: 08:00 on a working day in each site's
 * own zone, grouped by supplier, nothing about items on order, nothing when nothing is low,
 * nothing twice for the same site-day, and each site and each recipient on its own.
 */
class ReorderReminderTest {

    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    private static final StockFunction FN = StockFunction.get();
    private static ReorderReminderHandler handler;

    private static synchronized ReorderReminderHandler handler() {
        if (handler == null) {
            // the reminder's template environment is the stock function's (checked in StockTemplateTest)
            handler = new ReorderReminderHandler();
        }
        return handler;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String scheduledTime) {
        Map<String, Object> tick = new HashMap<>(Events.load("stock/reorder-reminder.json", Map.class));
        if (scheduledTime != null) {
            tick.put("scheduledTime", scheduledTime);
        }
        return handler().handleRequest(tick, TestContext.forFunction(FN.aws.template(), "StockReminderFunction"));
    }

    private static String mail(String siteId, String day, String personId) {
        return Outboxes.byDedupeKey(FN.aws, RemindingToReorder.dedupeKey(siteId, LocalDate.parse(day), personId))
                .map(i -> ((OutboxItem.Email) i).message().content().text()).orElse(null);
    }

    @Test
    void remindsEachOfficeManagerOnceAtEightOnAWorkingDayOfTheirSite() {
        String ams = FN.site("Amsterdam", "Europe/Amsterdam", WEEKDAYS);
        String olga = FN.person("Olga Manager", StockFunction.unique("olga") + "@example.org", "en", ams, List.of("office-manager"));
        String piet = FN.person("Piet Beheer", StockFunction.unique("piet") + "@example.org", "nl", ams, List.of("staff", "office-manager"));
        String sanne = FN.person("Sanne Staff", StockFunction.unique("sanne") + "@example.org", "en", ams, List.of("staff"));
        String jansen = FN.supplier("Jansen Kantoor", "orders@jansen.example.com");
        FN.item(ams, "PEN", 5, 20, 100, jansen);                                  // low: suggest 95
        String paper = FN.item(ams, "PAPER", 1, 10, 30, jansen).path("id").asText(); // low but on order
        FN.item(ams, "MUG", 50, 10, 60, jansen);                                  // not low
        FN.item(ams, "LOOSE", 0, 2, 6, null);                                     // low, no supplier
        var po = FN.send(StockFunction.event("create-purchase-order.json").header("idempotency-key", null)
                .body("{\"siteId\":\"" + ams + "\",\"supplierId\":\"" + jansen + "\",\"costCentre\":\"CC-1\","
                        + "\"lines\":[{\"itemId\":\"" + paper + "\",\"quantity\":29}]}"));
        assertThat(po.status()).isEqualTo(201);
        String ny = FN.site("New York", "America/New_York", WEEKDAYS);
        String nyManager = FN.person("Nina York", StockFunction.unique("nina") + "@example.org", "en", ny, List.of("office-manager"));
        FN.item(ny, "PEN", 0, 5, 10, null);

        // reorder-reminder.json: Friday 2026-11-27 07:00 UTC = 08:00 in Amsterdam, 02:00 in New York
        RecordedOutcomes.Mark reminding = TestOutcomes.RECORDED.mark();
        Map<String, Object> first = run(null);
        assertThat(reminding.since()).as("one per e-mail queued")
                .isEqualTo(Map.of(Outcome.REORDER_REMINDER_SENT, ((Integer) first.get("emailsQueued")).longValue()));
        assertThat(first.get("scheduledTime")).isEqualTo("2026-11-27T07:00:00Z");
        String english = mail(ams, "2026-11-27", olga);
        assertThat(english).isNotNull();
        assertThat(english).contains("Jansen Kantoor").contains("PEN").contains("95 piece")
                .contains("No preferred supplier").contains("LOOSE").contains("6 piece")
                .doesNotContain("PAPER").doesNotContain("MUG");
        assertThat(english.indexOf("Jansen Kantoor")).isLessThan(english.indexOf("PEN"));
        String dutch = mail(ams, "2026-11-27", piet);
        assertThat(dutch).contains("Zonder vaste leverancier").contains("Voorstel");
        assertThat(mail(ams, "2026-11-27", sanne)).isNull();          // staff are not reminded
        assertThat(mail(ny, "2026-11-27", nyManager)).isNull();       // 02:00 in New York

        // the same tick again: nothing is sent twice
        RecordedOutcomes.Mark again = TestOutcomes.RECORDED.mark();
        Map<String, Object> second = run(null);
        assertThat(again.since()).isEmpty();
        assertThat((int) second.get("sitesAlreadyReminded")).isGreaterThanOrEqualTo(1);
        assertThat(mail(ams, "2026-11-27", olga)).isEqualTo(english);

        // 13:00 UTC is 08:00 in New York: now New York, and not Amsterdam (14:00)
        run("2026-11-27T13:00:00Z");
        assertThat(mail(ny, "2026-11-27", nyManager)).contains("PEN").contains("10 piece");

        // Saturday 08:00 in Amsterdam is no working day
        run("2026-11-28T07:00:00Z");
        assertThat(mail(ams, "2026-11-28", olga)).isNull();
    }

    @Test
    void nothingIsSentWhenNothingIsLowOrEverythingLowIsOnOrder() {
        String site = FN.site("Rotterdam", "Europe/Amsterdam", WEEKDAYS);
        String manager = FN.person("Rob Manager", StockFunction.unique("rob") + "@example.org", "nl", site, List.of("office-manager"));
        FN.item(site, "FULL", 50, 10, 60, null);
        run("2026-12-01T07:00:00Z"); // Tuesday 08:00
        assertThat(mail(site, "2026-12-01", manager)).isNull();
    }

    @Test
    void itemsReadStayTheSameWithTenTimesMoreItemsThatAreNotLow() {
        // Tokyo: 08:00 there is 23:00 UTC the day before, when no other test site is at 08:00
        String site = FN.site("Tokyo", "Asia/Tokyo", WEEKDAYS);
        String manager = FN.person("Taro Manager", StockFunction.unique("taro") + "@example.org", "en", site, List.of("office-manager"));
        for (int i = 0; i < 3; i++) {
            FN.item(site, "LOW-" + i, 1, 5, 10, null);
            FN.item(site, "OK-" + i, 50, 5, 10, null);
        }
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        Map<String, Object> thursday = run("2026-11-25T23:00:00Z");
        RequestCounter.Usage few = before.since();
        for (int i = 0; i < 30; i++) {
            FN.item(site, "MORE-" + i, 50, 5, 10, null);
        }
        RequestCounter.Snapshot again = RequestCounter.snapshot();
        Map<String, Object> friday = run("2026-11-26T23:00:00Z");
        RequestCounter.Usage many = again.since();
        System.out.println("reminder run, 3 low + 3 others: " + few.byOperation() + ", items read " + few.itemsRead());
        System.out.println("reminder run, 3 low + 33 others: " + many.byOperation() + ", items read " + many.itemsRead());
        assertThat(thursday.get("emailsQueued")).isEqualTo(1);
        assertThat(friday.get("emailsQueued")).isEqualTo(1);
        assertThat(mail(site, "2026-11-26", manager)).contains("LOW-0");
        assertThat(mail(site, "2026-11-27", manager)).contains("LOW-2").doesNotContain("MORE-");
        assertThat(many.itemsRead()).isEqualTo(few.itemsRead());
        assertThat(many.byOperation()).isEqualTo(few.byOperation());
    }

    @Test
    void aBadAddressOrAnEarlierReminderSkipsOnlyThatPerson() {
        // Auckland: Thursday 2026-12-03 08:00 there is 2026-12-02 19:00 UTC, when no other test site is at 08:00
        String site = FN.site("Auckland", "Pacific/Auckland", WEEKDAYS);
        FN.item(site, "PEN", 1, 5, 10, null);
        // accepted by a lax check, refused by the strict parser that sends mail
        String dotted = FN.person("Dot Ted", "x.@example.com", "en", site, List.of("office-manager"));
        String ann = FN.person("Ann Manager", StockFunction.unique("ann") + "@example.org", "en", site, List.of("office-manager"));

        Map<String, Object> first = run("2026-12-02T19:00:00Z");
        assertThat(first.get("recipientsSkipped")).isEqualTo(1);
        assertThat(first.get("emailsQueued")).isEqualTo(1);
        assertThat(mail(site, "2026-12-03", ann)).contains("PEN");
        assertThat(mail(site, "2026-12-03", dotted)).isNull();

        // a manager added since: Ann's reminder is a duplicate now, and refuses only itself
        String bea = FN.person("Bea Manager", StockFunction.unique("bea") + "@example.org", "nl", site, List.of("office-manager"));
        Map<String, Object> again = run("2026-12-02T19:00:00Z");
        assertThat(again.get("emailsQueued")).isEqualTo(1);
        assertThat(mail(site, "2026-12-03", bea)).contains("PEN");
    }

    @Test
    void aSiteThatFailsStopsNoOtherSiteAndTheRunIsTriedAgain() {
        // Kolkata is UTC+05:30: the 03:00 UTC tick is 08:30 there, its only hour 8 of the day
        String broken = FN.site("Kolkata North", "Asia/Kolkata", WEEKDAYS);
        String fine = FN.site("Kolkata South", "Asia/Kolkata", WEEKDAYS);
        FN.item(broken, "INK", 0, 5, 10, null);
        FN.item(fine, "INK", 0, 5, 10, null);
        String raj = FN.person("Raj Manager", StockFunction.unique("raj") + "@example.org", "en", fine, List.of("office-manager"));
        String nameless = FN.person("Nameless", StockFunction.unique("anon") + "@example.org", "en", broken, List.of("office-manager"));
        // the reminder reads the office managers' role items (the sparse role index), so break that copy
        FN.aws.dynamoDb().updateItem(b -> b.tableName(FN.aws.tableName("DirectoryTable"))
                .key(DirectoryLayout.roleKey(nameless, Role.OFFICE_MANAGER))
                .updateExpression("REMOVE #n").expressionAttributeNames(Map.of("#n", "name")));

        assertThatThrownBy(() -> run("2026-12-01T03:00:00Z")).hasMessageContaining("1 site(s) failed");
        assertThat(mail(fine, "2026-12-01", raj)).as("the other site was reminded").contains("INK");

        FN.aws.dynamoDb().updateItem(b -> b.tableName(FN.aws.tableName("DirectoryTable"))
                .key(DirectoryLayout.roleKey(nameless, Role.OFFICE_MANAGER))
                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Named"))));
        Map<String, Object> retried = run("2026-12-01T03:00:00Z");
        assertThat(retried.get("emailsQueued")).as("only what was missing").isEqualTo(1);
        assertThat(mail(broken, "2026-12-01", nameless)).contains("INK");
    }
}
