package nl.spil.visitors.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.testkit.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB requests per visitors endpoint, and the items the day list and the on-site list read
 * before and after ten times as many past visits (measured with the SDK's RequestCounter).
 */
class RequestCountsTest {

    private static final VisitorsFunction FN = VisitorsFunction.get();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static RequestCounter.Usage measure(String what, int status, Supplier<HttpAnswer> call) {
        RequestCounter.Snapshot before = RequestCounter.snapshot();
        HttpAnswer answer = call.get();
        RequestCounter.Usage usage = before.since();
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
        System.out.println("requests " + what + ": " + usage.byOperation() + ", items read " + usage.itemsRead());
        return usage;
    }

    private static String code(HttpAnswer registered) {
        return registered.json().path("items").get(0).path("checkInCode").asText();
    }

    private static String id(HttpAnswer registered) {
        return registered.json().path("items").get(0).path("id").asText();
    }

    @Test
    void perEndpointAndTheListsDoNotGrowWithHistory() {
        String[] s = VisitsApiTest.siteWithHost();
        String site = s[0];

        // ten days of history: two visits a day, checked in and out
        for (int day = 10; day <= 19; day++) {
            TestClock.INSTANCE.set(Instant.parse("2027-03-" + day + "T08:00:00Z"));
            for (int i = 0; i < 2; i++) {
                HttpAnswer past = FN.register(s[2], site, "2027-03-" + day + "T10:00:00+01:00", null,
                        "{\"name\":\"Past " + day + "-" + i + "\"}", "staff");
                assertThat(FN.checkInByCode(site, code(past), 1, "Past").status()).isEqualTo(200);
                if (i == 0) {
                    String pastId = id(past);
                    assertThat(FN.send(FN.event("check-out.json").pathParameter("id", pastId).path("/visits/" + pastId + "/check-out"))
                            .status()).isEqualTo(200);
                }
            }
        }
        VisitsApiTest.dayEnd("2027-03-19T18:00:00Z");
        TestClock.INSTANCE.reset();

        var register = measure("POST /visits", 201, () -> FN.register(s[2], site, "2027-03-29T10:00:00+02:00", null,
                "{\"name\":\"Counted Visitor\",\"email\":\"counted@example.com\"}", "staff"));
        assertThat(register.byOperation()).isEqualTo(Map.of("GetItem", 1L, "BatchGetItem", 1L, "TransactWriteItems", 1L));
        HttpAnswer second = FN.register(s[2], site, "2027-03-29T11:00:00+02:00", null, "{\"name\":\"Second Visitor\"}", "staff");

        var checkIn = measure("POST /check-ins", 200, () -> FN.checkInByCode(site, code(second), 1, "Second"));
        assertThat(checkIn.byOperation()).isEqualTo(Map.of("BatchGetItem", 1L, "GetItem", 1L, "TransactWriteItems", 1L));
        assertThat(checkIn.total()).isLessThanOrEqualTo(3);

        var day = measure("GET /visits?site&date", 200, () -> FN.send(FN.event("list-visits.json").queryParameter("site", site)
                .queryParameter("date", "2027-03-29")));
        assertThat(day.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(day.itemsRead()).isEqualTo(2);
        var onSite = measure("GET /sites/{id}/on-site", 200, () -> FN.onSite(site));
        assertThat(onSite.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(onSite.itemsRead()).isEqualTo(1);

        var mine = measure("GET /visits/mine", 200, () -> FN.send(VisitorsFunction.as(VisitorsFunction.event("my-visits.json"),
                s[2], "staff")));
        assertThat(mine.byOperation()).isEqualTo(Map.of("GetItem", 1L, "Query", 1L));
        assertThat(mine.itemsRead()).as("the caller and today's two visits, not the host's 20 past ones").isEqualTo(3);
        var held = measure("GET /visits/needs-review", 200, () -> FN.send(FN.event("visits-needing-review.json")
                .queryParameter("site", site)));
        assertThat(held.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(held.itemsRead()).as("only held visits are in that part of the sparse index").isZero();

        String visitId = id(second);
        var desk = measure("GET /visits/{id}", 200, () -> FN.get(visitId, s[2], "staff"));
        assertThat(desk.byOperation()).isEqualTo(Map.of("GetItem", 1L));
        var report = measure("GET /reports/visitors", 200, () -> FN.send(FN.event("visitors-report.json").queryParameter("site", site)
                .queryParameter("from", "2027-03-01").queryParameter("to", "2027-03-31")));
        assertThat(report.byOperation()).isEqualTo(Map.of("Query", 1L));
        assertThat(report.itemsRead()).as("one counter item per day with visits, not one per visit").isEqualTo(11);
        var checkOut = measure("POST /visits/{id}/check-out", 200, () -> FN.send(FN.event("check-out.json")
                .pathParameter("id", visitId).path("/visits/" + visitId + "/check-out")));
        assertThat(checkOut.byOperation()).isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));
    }

    @Test
    void theListsReadTheSameItemsWithTenTimesMorePastVisits() {
        String[] s = VisitsApiTest.siteWithHost();
        String site = s[0];
        HttpAnswer a = FN.register(s[2], site, "2027-03-29T10:00:00+02:00", null, "{\"name\":\"Anna Today\"}", "staff");
        FN.register(s[2], site, "2027-03-29T10:30:00+02:00", null, "{\"name\":\"Bob Today\"}", "staff");
        assertThat(FN.checkInByCode(site, code(a), 1, "Anna").status()).isEqualTo(200);
        long dayBefore = measure("GET /visits (2 today)", 200, () -> FN.send(FN.event("list-visits.json")
                .queryParameter("site", site).queryParameter("date", "2027-03-29"))).itemsRead();
        long onSiteBefore = measure("GET /sites/{id}/on-site (1 on site)", 200, () -> FN.onSite(site)).itemsRead();

        for (int day = 1; day <= 20; day++) { // 20 past visits: ten times the 2 of today
            TestClock.INSTANCE.set(Instant.parse(String.format("2027-02-%02dT08:00:00Z", day)));
            HttpAnswer past = FN.register(s[2], site, String.format("2027-02-%02dT10:00:00+01:00", day), null,
                    "{\"name\":\"History " + day + "\"}", "staff");
            assertThat(FN.checkInByCode(site, code(past), 1, "History").status()).isEqualTo(200);
        }
        VisitsApiTest.dayEnd("2027-02-20T18:00:00Z");
        TestClock.INSTANCE.reset();

        long dayAfter = measure("GET /visits (2 today, 20 past)", 200, () -> FN.send(FN.event("list-visits.json")
                .queryParameter("site", site).queryParameter("date", "2027-03-29"))).itemsRead();
        long onSiteAfter = measure("GET /sites/{id}/on-site (1 on site, 20 past)", 200, () -> FN.onSite(site)).itemsRead();
        System.out.println("items read, expected today: " + dayBefore + " -> " + dayAfter + "; on site: " + onSiteBefore + " -> " + onSiteAfter);
        assertThat(dayAfter).isEqualTo(dayBefore).isEqualTo(2);
        assertThat(onSiteAfter).isEqualTo(onSiteBefore).isEqualTo(1);
    }
}
