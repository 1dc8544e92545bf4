package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The whole chain on the local cloud, as a newcomer walks it: a person books a room with a demo
 * token, the booking's outbox e-mail flows through the outbox stream into the notifier, which
 * sends it through the local SES, and the invitation (with its .ics) is on the local mail page.
 * The same for a purchase order the office manager sends to a supplier (with its CSV).
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBookedRoomsInvitationReachesTheLocalMailPage() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String olga = cloud.token("olga");
        String sam = cloud.token("sam");
        JsonNode site = json(RunningCloud.send("GET", "/sites", sam, null)).path("items").get(0);
        String siteId = site.path("id").asText();
        ZoneId zone = ZoneId.of(site.path("timeZone").asText());

        HttpResponse<String> room = RunningCloud.send("POST", "/resources", olga, """
                {"siteId":"%s","type":"room","name":"E2E %s","floor":"1","capacity":6,"features":["screen"],
                 "rules":{"maxMinutes":240,"horizonDays":180,"noticeMinutes":0,"opens":"07:00","closes":"20:00",
                          "days":["mon","tue","wed","thu","fri","sat","sun"],"checkInBeforeMinutes":15,"checkInAfterMinutes":15}}"""
                .formatted(siteId, UUID.randomUUID().toString().substring(0, 6)));
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        String roomId = json(room).path("id").asText();

        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(zone).plusDays(2), LocalTime.of(10, 0), zone);
        String title = "Overleg " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> booked = RunningCloud.send("POST", "/bookings", sam, """
                {"resourceId":"%s","start":"%s","end":"%s","title":"%s"}"""
                .formatted(roomId, start.toOffsetDateTime(), start.plusHours(1).toOffsetDateTime(), title));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        Mail.Sent invitation = awaitMail(cloud, m -> m.to().contains("sam@example.org") && m.raw().contains(title),
                Duration.ofSeconds(90));
        List<Mail.Leaf> parts = Mail.leaves(Mail.parse(invitation.raw()));
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.contentType().toLowerCase()).startsWith("text/calendar");
            assertThat(new String(p.content())).contains("BEGIN:VCALENDAR", "METHOD:REQUEST");
        });
        HttpResponse<String> page = RunningCloud.send("GET", "/local/mail", null, null);
        assertThat(page.body()).contains("sam@example.org");

        // a refused booking (its transaction with the outbox item is cancelled) must not stop the mail
        HttpResponse<String> clash = RunningCloud.send("POST", "/bookings", sam, """
                {"resourceId":"%s","start":"%s","end":"%s","title":"Dubbel %s"}"""
                .formatted(roomId, start.toOffsetDateTime(), start.plusHours(1).toOffsetDateTime(), title));
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        String next = "Vervolg " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> again = RunningCloud.send("POST", "/bookings", sam, """
                {"resourceId":"%s","start":"%s","end":"%s","title":"%s"}"""
                .formatted(roomId, start.plusHours(2).toOffsetDateTime(), start.plusHours(3).toOffsetDateTime(), next));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        long sent = System.nanoTime();
        awaitMail(cloud, m -> m.raw() != null && m.raw().contains(next), Duration.ofSeconds(20));
        System.out.printf("invitation after a refused booking on the mail page in %.1f s%n", (System.nanoTime() - sent) / 1e9);
        assertThat(new Mail(cloud.aws()).messages()).noneMatch(m -> m.raw() != null && m.raw().contains("Dubbel " + title));
    }

    @Test
    void aSentPurchaseOrderReachesTheSupplierWithItsCsv() throws Exception {
        LocalCloud cloud = RunningCloud.get();
        String olga = cloud.token("olga");
        String siteId = json(RunningCloud.send("GET", "/sites", olga, null)).path("items").get(0).path("id").asText();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String supplierEmail = "orders." + unique + "@example.com";

        HttpResponse<String> supplier = RunningCloud.send("POST", "/suppliers", olga, """
                {"name":"Papier %s","email":"%s","leadTimeDays":2}""".formatted(unique, supplierEmail));
        assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(201);
        String supplierId = json(supplier).path("id").asText();
        HttpResponse<String> item = RunningCloud.send("POST", "/stock/items", olga, """
                {"siteId":"%s","sku":"A4-%s","name":"Paper A4","unit":"ream","quantity":3,"minimum":10,
                 "reorderUpTo":40,"unitPriceCents":499,"supplierId":"%s"}""".formatted(siteId, unique, supplierId));
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        String itemId = json(item).path("id").asText();

        HttpResponse<String> order = RunningCloud.send("POST", "/purchase-orders", olga, """
                {"siteId":"%s","supplierId":"%s","costCentre":"CC-4010","lines":[{"itemId":"%s","quantity":37}]}""".formatted(siteId, supplierId, itemId));
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String orderId = json(order).path("id").asText();
        HttpResponse<String> sent = RunningCloud.send("POST", "/purchase-orders/" + orderId + "/send", olga, null);
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 202);

        Mail.Sent mail = awaitMail(cloud, m -> m.to().contains(supplierEmail), Duration.ofSeconds(90));
        assertThat(Mail.leaves(Mail.parse(mail.raw())))
                .anySatisfy(p -> assertThat(p.contentType().toLowerCase()).startsWith("text/csv"));
    }

    private static Mail.Sent awaitMail(LocalCloud cloud, Predicate<Mail.Sent> wanted, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Mail.Sent> found = new Mail(cloud.aws()).messages().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no such e-mail reached the local SES within " + within.toSeconds() + " s; see the notifier's log");
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
