package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.spil.platform.metrics.Outcome;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.RecordedOutcomes;
import nl.spil.testkit.TestOutcomes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Never a double booking: 50 people click at once for overlapping times on one room, 20 rounds,
 * through one handler instance. Exactly one 201 per round, the other 49 a 409 naming a taken
 * slot, no 5xx, the room's slots all belong to the winner, and one booking made is counted per round.
 */
class DoubleBookingConcurrencyTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void fiftyOverlappingRequestsAtOnceMakeExactlyOneBookingPerRound() throws Exception {
        String site = FN.site("Europe/Amsterdam");
        String room = FN.room(site, 10, "\"video\"",
                "{\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"]}");
        int threads = 50;
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int winners = 0;
        int conflicts = 0;
        RecordedOutcomes.Mark mark = TestOutcomes.RECORDED.mark();
        try {
            for (int round = 0; round < rounds; round++) {
                // a day per round from 23 March 2027 on (across the DST change of the 28th); half-hour
                // bookings starting at 10:00 or 10:15 local: every request covers 10:15-10:30
                LocalDate day = LocalDate.of(2027, 3, 23).plusDays(round);
                List<HttpEvent> requests = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(10, 0), AMSTERDAM).plusMinutes(15L * (i % 2));
                    ZonedDateTime end = start.plusMinutes(30);
                    requests.add(BookingsFunction.booking(room, start.toOffsetDateTime().toString(),
                            end.toOffsetDateTime().toString(), "racer" + i + "@example.org", "sub-racer-" + i));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpAnswer>> answers = new ArrayList<>();
                for (HttpEvent request : requests) {
                    var event = request.build();
                    answers.add(pool.submit(() -> {
                        go.await();
                        return FN.http.send(event);
                    }));
                }
                go.countDown();
                List<HttpAnswer> results = new ArrayList<>();
                for (Future<HttpAnswer> f : answers) {
                    results.add(f.get());
                }
                assertThat(results).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
                List<HttpAnswer> won = results.stream().filter(a -> a.status() == 201).toList();
                assertThat(won).as("round %d on %s", round, day).hasSize(1);
                results.stream().filter(a -> a.status() == 409).forEach(a -> {
                    assertThat(a.json().path("type").asText()).endsWith("/slot-taken");
                    assertThat(a.json().path("conflict").path("resourceId").asText()).isEqualTo(room);
                });
                String winner = won.get(0).json().path("id").asText();
                assertThat(slotOwners(site, day, room)).containsOnly(winner);
                winners += won.size();
                conflicts += results.size() - won.size();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("CONCURRENCY: " + rounds + " rounds x " + threads + " requests: " + winners + " x 201, "
                + conflicts + " x 409, 0 x 5xx");
        assertThat(winners).isEqualTo(rounds);
        assertThat(mark.since()).as("one booking made per round; the 409s count nothing")
                .isEqualTo(Map.of(Outcome.BOOKING_MADE, (long) rounds));
    }

    private static List<String> slotOwners(String site, LocalDate day, String room) {
        var page = FN.aws.dynamoDb().query(QueryRequest.builder().tableName(FN.table())
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SITEDAY#" + site + "#" + day),
                        ":s", AttributeValue.fromS("SLOT#" + room + "#")))
                .consistentRead(true).build());
        assertThat(page.items()).isNotEmpty();
        return page.items().stream().map(i -> i.get("bookingId").s()).toList();
    }
}
