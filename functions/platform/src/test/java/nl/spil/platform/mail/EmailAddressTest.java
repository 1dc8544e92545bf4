package nl.spil.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"zoe@example.nl", "first.last+tag@sub.example.co.uk", "a@b", "x_y-z@example.org",
            "\"quoted\"@example.nl"})
    void acceptsValidAddresses(String address) {
        assertThat(EmailAddress.of(address).address()).isEqualTo(address);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "plain", "a@", "@b.nl", "a b@c.nl", "a@b.nl\r\nBcc: evil@x.nl", "a@b.nl\nBcc: evil@x.nl",
            "Zoe <zoe@example.nl>", "a@b.nl, c@d.nl", "a@b.nl;c@d.nl", "zoë@example.nl", "zoe@exämple.nl",
            "a@@b.nl", "a@b..nl", "\"quoted name\"@example.nl", "(comment)a@b.nl", "a@b.nl (comment)", "<a@b.nl>"})
    void refusesBadAddresses(String address) {
        assertThatThrownBy(() -> EmailAddress.of(address, "Zoë"))
                .isInstanceOf(InvalidEmailAddressException.class)
                .satisfies(e -> {
                    InvalidEmailAddressException invalid = (InvalidEmailAddressException) e;
                    assertThat(invalid.field()).isEqualTo("address");
                    if (address != null && address.contains("@") && address.length() > 3) {
                        assertThat(invalid.getMessage()).doesNotContain(address.strip());
                    }
                });
    }

    @Test
    void refusesOverlongAddress() {
        String address = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "nl";
        assertThatThrownBy(() -> EmailAddress.of(address)).isInstanceOf(InvalidEmailAddressException.class)
                .hasMessageContaining("longer than 254");
    }

    @Test
    void trimsAddressAndSanitizesDisplayName() {
        EmailAddress address = EmailAddress.of("  zoe@example.nl ", " Zoë\r\nBcc: evil@x.nl ");
        assertThat(address.address()).isEqualTo("zoe@example.nl");
        assertThat(address.displayName()).isEqualTo("Zoë Bcc: evil@x.nl");
        assertThat(EmailAddress.of("zoe@example.nl").name()).isEmpty();
        assertThat(EmailAddress.of("zoe@example.nl", "x".repeat(500)).displayName()).hasSize(MailText.MAX_NAME);
    }

    @Test
    void toStringHidesTheLocalPart() {
        assertThat(EmailAddress.of("zoe@example.nl", "Zoë").toString()).doesNotContain("zoe@").contains("@example.nl");
    }
}
