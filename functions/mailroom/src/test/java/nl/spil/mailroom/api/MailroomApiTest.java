package nl.spil.mailroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.spil.mailroom.api.MailroomFunction.Person;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
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

        JsonNode delivery = logged(rita, Deliveries.at(site).parcelFor(sam.id()).letterFor(sam.id(), "A").json());
        assertThat(delivery.path("items")).hasSize(2);
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

        HttpAnswer handed = fn.send(rita.as(onItem("pickup-mail.json", parcel).body("{\"code\":\"" + code + "\"}"), "reception"));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        assertThat(handed.json().path("status").asText()).isEqualTo("collected");
        assertThat(handed.json().path("handedOut").path("collectorId").asText()).isEqualTo(sam.id());
        assertThat(handed.json().path("handedOut").path("receptionistName").asText()).isEqualTo("Rita Bakker");
        assertThat(handed.json().path("handedOut").path("byDelegate").asBoolean()).isFalse();

        HttpAnswer again = fn.send(rita.as(onItem("pickup-mail.json", parcel).body("{\"code\":\"" + code + "\"}"), "reception"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        HttpAnswer done = fn.send(sam.as(MailroomFunction.event("list-my-mail.json").queryParameter("status", "done"), "staff"));
        assertThat(done.json().path("items")).hasSize(1);
        assertThat(done.json().path("items").get(0).has("pickupCode")).isFalse();
    }
}
