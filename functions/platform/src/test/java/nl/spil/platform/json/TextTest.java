package nl.spil.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\t", "\u0000", "\u0008", "\u001b", "\u007f", "\u0085", "\u009f", "\u2028", "\u2029"})
    void singleLineTextRefusesEveryControlCharacterAndLineSeparator(String control) {
        assertThat(Text.hasControl("a" + control + "b", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\t"})
    void multilineTextAllowsOnlyCarriageReturnNewlineAndTab(String allowed) {
        assertThat(Text.hasControl("a" + allowed + "b", true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029"})
    void multilineTextStillRefusesOtherControls(String control) {
        assertThat(Text.hasControl("a" + control + "b", true)).isTrue();
    }

    @Test
    void plainAndUnicodeTextHasNoControls() {
        assertThat(Text.hasControl("", false)).isFalse();
        assertThat(Text.hasControl("Zoë Ĳzerman ☕ 😀 日本 \u00a0", false)).isFalse();
    }

    @Test
    void anEmailIsAPlainLocalPartAtADomainWithADot() {
        assertThat(Text.isEmail("anna@example.nl")).isTrue();
        assertThat(Text.isEmail("Anna.De-Vries+post@mail.example.co.uk")).isTrue();
        assertThat(Text.isEmail(null)).isFalse();
        assertThat(Text.isEmail("")).isFalse();
        assertThat(Text.isEmail("anna@localhost")).isFalse();
        assertThat(Text.isEmail("a".repeat(65) + "@example.nl")).as("local part over 64").isFalse();
        assertThat(Text.isEmail("a..b@example.nl")).isFalse();
        assertThat(Text.isEmail("anna@example.nl\n")).isFalse();
    }

    @Test
    void anEmailTheMailerWouldRefuseIsNoEmail() {
        // the shape check alone let these in; the strict parser that sends mail refuses them
        for (String refusedBySender : new String[] {"x.@example.com", ".x@example.com"}) {
            assertThat(Text.isEmail(refusedBySender)).as(refusedBySender).isFalse();
            assertThatThrownBy(() -> nl.spil.platform.mail.EmailAddress.validate("to", refusedBySender))
                    .as("the sender refuses %s too", refusedBySender).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Text.isEmail("o'brien+post@example.ie")).isTrue();
    }

    @Test
    void normalisingAnEmailLowerCasesAndStripsWithoutTurkishSurprises() {
        assertThat(Text.normalizeEmail("  INFO@Example.NL ")).isEqualTo("info@example.nl");
        assertThat(Text.normalizeEmail("TITLE@X.NL")).as("locale-independent").isEqualTo("title@x.nl");
    }
}
