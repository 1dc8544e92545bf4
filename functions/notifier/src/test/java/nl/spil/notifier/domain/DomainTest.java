package nl.spil.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.spil.platform.i18n.Language;
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
    void laterTriesWaitLongerAndTheFifthIsTheLast() {
        Instant now = Instant.parse("2027-03-29T08:00:00Z");
        assertThat(policy.nextAttemptAt(now, 1)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttemptAt(now, 2)).isEqualTo(now.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextAttemptAt(now, 4)).isEqualTo(now.plus(Duration.ofMinutes(8)));
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
        assertThat(policy.lease()).isGreaterThan(Duration.ofSeconds(60)); // the stream function's timeout
    }

    @Test
    void addressesBecomeStableHashedIdsInReasons() {
        String id = Redaction.recipientId("Zoe.deVries@Example.org");
        assertThat(id).matches("rcpt-[0-9a-f]{12}").isEqualTo(Redaction.recipientId("zoe.devries@example.org "));
        String reason = Redaction.reason("Email address is not verified. The following identities failed the check: "
                + "zoe.devries@example.org, <bob+x@mail.example.co.uk>\r\nline two");
        assertThat(reason).doesNotContain("zoe", "bob", "\n", "\r").contains(id);
        assertThat(Redaction.reason("x".repeat(2000))).hasSize(Redaction.MAX_REASON);
        assertThat(Redaction.reason(null)).isEqualTo("unknown");
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
        RenderedEmail rendered = new nl.spil.platform.mail.EmailBody(Language.EN).paragraph("Your booking is confirmed.")
                .render("Booked", "Spil");
        RenderedEmail delivered = Footer.add(rendered, Language.EN, "Spil");
        assertThat(delivered).isEqualTo(rendered);
        assertThat(delivered.text().split("automated message from Spil", -1)).hasSize(2);
    }
}
