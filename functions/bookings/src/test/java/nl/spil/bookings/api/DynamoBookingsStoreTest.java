package nl.spil.bookings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.bookings.app.Bookings;
import nl.spil.bookings.app.RecurringSeries;
import nl.spil.bookings.domain.ChangedMeanwhile;
import nl.spil.bookings.domain.Refused;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.bookings.domain.Booking;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import nl.spil.platform.paging.PageRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
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
        // a stale reschedule (the version moved on) is refused as changed meanwhile and changes nothing
        assertThatThrownBy(() -> store.reschedule(a, moved, Optional.empty()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.refusal()).isInstanceOf(ChangedMeanwhile.class));
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
        assertThat(FN.context().getBean(RecurringSeries.class).byId(orphan.seriesId().orElseThrow())).isEmpty();
    }

    @Test
    void everyItemOfABookingExpiresWithItsRetentionAndAForgottenOneKeepsNoName() {
        String site = BookingsFunction.unique("S");
        Instant s0 = Instant.parse("2027-03-23T09:00:00Z");
        Booking a = new Booking(BookingsFunction.unique("A"), "R4", "Room", site, AMS, "sub-store", "ann@example.org",
                "Jaargesprek Ann", s0, s0.plusSeconds(1800), s0.plusSeconds(900), Booking.Status.BOOKED, Optional.empty(),
                Optional.of("dieet: glutenvrij"), Optional.empty(), 0, 1, s0, s0);
        book(a);
        long expires = a.end().plus(Booking.RETENTION).getEpochSecond();
        List<Map<String, AttributeValue>> items = new ArrayList<>(day(site, "2027-03-23"));
        items.add(item("BOOKING#" + a.id(), "BOOKING"));
        items.add(FN.aws.dynamoDb().query(QueryRequest.builder().tableName(FN.table())
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("NOSHOW#2027-03-23")))
                .build()).items().stream().filter(i -> i.get("bookingId").s().equals(a.id())).findFirst().orElseThrow());
        assertThat(items).hasSize(2 + 1 + 1 + 1); // two slots, the entry, the booking, the marker
        assertThat(items).allSatisfy(i -> assertThat(i.get("expiresAt").n()).isEqualTo(Long.toString(expires)));

        store.forget(a, a.forgotten(Instant.parse("2027-04-01T00:00:00Z")));
        Booking forgotten = store.byId(a.id()).orElseThrow();
        assertThat(forgotten.isForgotten()).isTrue();
        assertThat(forgotten.start()).isEqualTo(a.start());
        assertThat(day(site, "2027-03-23").toString()).doesNotContain("ann@", "Jaargesprek", "glutenvrij");
        assertThat(item("BOOKING#" + a.id(), "BOOKING").toString()).doesNotContain("ann@", "Jaargesprek", "glutenvrij");
    }

    @Test
    void aListsCursorIsBoundToItsOrganiserAndBothBounds() {
        String site = BookingsFunction.unique("S");
        String organiser = BookingsFunction.unique("sub");
        for (String start : List.of("2027-03-23T09:00:00Z", "2027-03-23T10:00:00Z")) {
            Booking b = booking(BookingsFunction.unique("C"), site, "R5", start, Instant.parse(start).plusSeconds(900).toString());
            book(new Booking(b.id(), b.resourceId(), b.resourceName(), site, AMS, organiser, "", "t", b.start(), b.end(),
                    b.releaseAt(), b.status(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1, b.createdAt(), b.updatedAt()));
        }
        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        Instant to = Instant.parse("2027-04-01T00:00:00Z");
        var first = store.ofOrganiser(organiser, from, to, new PageRequest(1, null));
        assertThat(first.nextCursor()).isNotNull();
        assertThat(store.ofOrganiser(organiser, from, to, new PageRequest(1, first.nextCursor())).items()).hasSize(1);
        for (Runnable foreign : List.<Runnable>of(
                () -> store.ofOrganiser(organiser, from, to.plusSeconds(60), new PageRequest(1, first.nextCursor())),
                () -> store.ofOrganiser(organiser, from.minusSeconds(60), to, new PageRequest(1, first.nextCursor())),
                () -> store.ofOrganiser("sub-else", from, to, new PageRequest(1, first.nextCursor())),
                () -> store.ofResource("R5", from, to, new PageRequest(1, first.nextCursor())))) {
            assertThatThrownBy(foreign::run).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }

    private List<Map<String, AttributeValue>> day(String site, String day) {
        return FN.aws.dynamoDb().query(QueryRequest.builder().tableName(FN.table()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("SITEDAY#" + site + "#" + day)))
                .consistentRead(true).build()).items();
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return FN.aws.dynamoDb().getItem(GetItemRequest.builder().tableName(FN.table())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).build()).item();
    }
}
