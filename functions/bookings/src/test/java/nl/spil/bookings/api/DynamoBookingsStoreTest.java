package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.bookings.app.Bookings;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The DynamoDB store of bookings on its own, against the serialized moto with the template's table. */
class DynamoBookingsStoreTest {

    private static final BookingsFunction FN = BookingsFunction.get();
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private final Bookings store = FN.context().getBean(Bookings.class);

    private static Booking booking(String id, String site, String resource, String start, String end) {
        Instant s = Instant.parse(start);
        Instant now = Instant.parse("2027-03-22T08:00:00Z");
        return new Booking(id, resource, "Room", site, AMS, "sub-store", "", "t", s, Instant.parse(end),
                s.plusSeconds(900), Booking.Status.BOOKED, Optional.empty(), Optional.empty(), Optional.empty(), 0, 1, now, now);
    }

    private void book(Booking b) {
        store.book(b, Optional.empty(), new CreateRequest("sub-store", null, "x"), x -> new Response(201, "{}", null));
    }

    private List<String> slots(String site, String day, String resource) {
        return FN.aws.dynamoDb().query(QueryRequest.builder().tableName(FN.table())
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SITEDAY#" + site + "#" + day),
                        ":s", AttributeValue.fromS("SLOT#" + resource + "#")))
                .consistentRead(true).build()).items().stream().map(i -> i.get("sk").s().substring(i.get("sk").s().lastIndexOf('#') + 1)).toList();
    }

    @Test
    void aRescheduleFreesOnlyTheQuartersItLeavesAndTakesTheNewOnes() {
        String site = BookingsFunction.unique("S");
        Booking a = booking(BookingsFunction.unique("A"), site, "R1", "2027-03-23T09:00:00Z", "2027-03-23T10:00:00Z");
        book(a);
        assertThat(slots(site, "2027-03-23", "R1")).containsExactly("2027-03-23T09:00:00Z", "2027-03-23T09:15:00Z",
                "2027-03-23T09:30:00Z", "2027-03-23T09:45:00Z");
        Booking moved = new Booking(a.id(), a.resourceId(), a.resourceName(), site, AMS, a.organiserId(), "", "t",
                Instant.parse("2027-03-23T09:30:00Z"), Instant.parse("2027-03-23T10:30:00Z"), Instant.parse("2027-03-23T09:45:00Z"),
                Booking.Status.BOOKED, Optional.empty(), Optional.empty(), Optional.empty(), 1, 2, a.createdAt(), a.updatedAt());
        store.reschedule(a, moved, Optional.empty());
        assertThat(slots(site, "2027-03-23", "R1")).containsExactly("2027-03-23T09:30:00Z", "2027-03-23T09:45:00Z",
                "2027-03-23T10:00:00Z", "2027-03-23T10:15:00Z");
        // a stale reschedule (the version moved on) is a 412 and changes nothing
        assertThatThrownBy(() -> store.reschedule(a, moved, Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
        // the freed quarter can be booked by someone else; the held ones cannot
        book(booking(BookingsFunction.unique("B"), site, "R1", "2027-03-23T09:00:00Z", "2027-03-23T09:30:00Z"));
        assertThatThrownBy(() -> book(booking(BookingsFunction.unique("C"), site, "R1", "2027-03-23T10:15:00Z", "2027-03-23T11:00:00Z")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions()).containsKey("conflict"));
        // a read of the slots names the first taken quarter of each candidate, ignoring a booking's own
        var probe = booking("probe", site, "R1", "2027-03-23T08:30:00Z", "2027-03-23T09:15:00Z");
        var own = moved;
        assertThat(store.firstTaken(List.of(probe, own)))
                .containsExactly(Optional.of(Instant.parse("2027-03-23T09:00:00Z")), Optional.empty());
    }

    @Test
    void aReleaseOfABookingCheckedInMeanwhileChangesNothing() {
        String site = BookingsFunction.unique("S");
        Booking a = booking(BookingsFunction.unique("A"), site, "R2", "2027-03-23T09:00:00Z", "2027-03-23T09:30:00Z");
        book(a);
        Booking checkedIn = a.checkedIn(Instant.parse("2027-03-23T09:05:00Z"));
        store.checkIn(a, checkedIn);
        assertThat(store.release(a, a.released(Instant.parse("2027-03-23T09:20:00Z")), Optional.empty())).isFalse();
        assertThat(store.byId(a.id()).orElseThrow().status()).isEqualTo(Booking.Status.BOOKED);
        assertThat(slots(site, "2027-03-23", "R2")).hasSize(2);
        assertThat(store.dueForRelease(Instant.parse("2027-03-23T10:00:00Z"))).doesNotContain(a.id());
    }

    @Test
    void anOccurrenceWhoseSeriesWasNeverWrittenIsStillReleased() {
        String site = BookingsFunction.unique("S");
        Booking a = booking(BookingsFunction.unique("A"), site, "R3", "2027-03-23T09:00:00Z", "2027-03-23T09:30:00Z");
        Booking orphan = new Booking(a.id(), a.resourceId(), a.resourceName(), site, AMS, a.organiserId(), "", "t", a.start(),
                a.end(), a.releaseAt(), Booking.Status.BOOKED, Optional.empty(), Optional.empty(),
                Optional.of(BookingsFunction.unique("never")), 0, 1, a.createdAt(), a.updatedAt());
        assertThat(store.bookOccurrence(orphan)).isEqualTo(Bookings.Occurrence.BOOKED);
        assertThat(store.bookOccurrence(orphan)).as("a retried occurrence").isEqualTo(Bookings.Occurrence.ALREADY_BOOKED);
        assertThat(store.release(orphan, orphan.released(Instant.parse("2027-03-23T09:20:00Z")), Optional.empty())).isTrue();
        assertThat(slots(site, "2027-03-23", "R3")).isEmpty();
        assertThat(store.series(orphan.seriesId().orElseThrow())).isEmpty();
    }
}
