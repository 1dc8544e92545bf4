package nl.spil.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailBody;
import nl.spil.platform.mail.RenderedEmail;
import org.junit.jupiter.api.Test;

/** The notifier's pure rules, without any AWS. */
class DomainTest {

    private final DeliveryPolicy policy = DeliveryPolicy.standard();

    @Test
    void backoffIsFullJitterUnderAnExponentialCap() {
        assertThat(policy.backoff(0, () -> 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(1, () -> 1.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(3, () -> 1.0)).isEqualTo(Duration.ofMillis(1600));
        assertThat(policy.backoff(4, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(60, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(2, () -> 0.0)).isZero();
        assertThat(policy.backoff(2, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void laterTriesWaitLongerUpToAnHourAndAnItemIsTriedForADay() {
        Instant now = Instant.parse("2027-03-29T08:00:00Z");
        assertThat(policy.nextAttemptAt(now, 1)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttemptAt(now, 2)).isEqualTo(now.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextAttemptAt(now, 4)).isEqualTo(now.plus(Duration.ofMinutes(8)));
        assertThat(policy.nextAttemptAt(now, 7)).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(policy.nextAttemptAt(now, 60)).isEqualTo(now.plus(Duration.ofHours(1)));
        Instant enqueued = now.minus(Duration.ofHours(23));
        assertThat(policy.exhausted(enqueued, now)).isFalse();
        assertThat(policy.exhausted(enqueued, now.plus(Duration.ofHours(1)))).isTrue();
        assertThat(policy.lease()).isGreaterThan(Duration.ofSeconds(60)); // the stream function's timeout
    }

    @Test
    void addressesBecomeStableKeyedPseudonymsInReasons() {
        Redaction redaction = new Redaction("a-secret-key-of-at-least-32-bytes!!");
        String id = redaction.recipientId("Zoe.deVries@Example.org");
        assertThat(id).matches("rcpt-[0-9a-f]{16}").isEqualTo(redaction.recipientId("zoe.devries@example.org "));
        String reason = redaction.reason("Email address is not verified. The following identities failed the check: "
                + "zoe.devries@example.org, <bob+x@mail.example.co.uk>\r\nline two");
        assertThat(reason).doesNotContain("zoe", "bob", "\n", "\r").contains(id);
        assertThat(redaction.reason("x".repeat(2000))).hasSize(Redaction.MAX_REASON);
        assertThat(redaction.reason(null)).isEqualTo("unknown");
    }

    @Test
    void withoutTheKeyAStaffListDoesNotRevealWhoAPseudonymIs() throws Exception {
        String address = "zoe.devries@example.org";
        String pseudonym = new Redaction("a-secret-key-of-at-least-32-bytes!!").recipientId(address);
        assertThat(new Redaction("another-secret-key-of-32-bytes-or-more").recipientId(address)).isNotEqualTo(pseudonym);
        byte[] unkeyed = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
        assertThat(pseudonym).doesNotContain(HexFormat.of().formatHex(unkeyed, 0, 6));
        assertThatThrownBy(() -> new Redaction("too short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFooterNamesTheOfficeInTheRecipientsLanguageOnce() {
        RenderedEmail mail = new RenderedEmail("s", "Hallo", "<html><body><p>Hallo</p></body></html>");
        RenderedEmail nl = Footer.add(mail, Language.NL, "Kantoor <Amsterdam>\r\nBcc: x");
        assertThat(nl.text()).endsWith("Dit is een automatisch bericht van Kantoor <Amsterdam> Bcc: x.\n");
        assertThat(nl.html()).contains("Kantoor &lt;Amsterdam&gt;").endsWith("</p></body></html>");
        assertThat(Footer.add(nl, Language.NL, "Kantoor <Amsterdam>\r\nBcc: x")).isEqualTo(nl);
        assertThat(Footer.add(mail, Language.EN, "").text()).contains("automated message from Spil.");
    }

    @Test
    void mailRenderedWithTheTemplatesAlreadyHasTheFooterAndGetsNoSecond() {
        RenderedEmail rendered = new EmailBody(Language.EN).paragraph("Your booking is confirmed.")
                .render("Booked", "Spil");
        RenderedEmail delivered = Footer.add(rendered, Language.EN, "Spil");
        assertThat(delivered).isEqualTo(rendered);
        assertThat(delivered.text().split("automated message from Spil", -1)).hasSize(2);
    }
}
