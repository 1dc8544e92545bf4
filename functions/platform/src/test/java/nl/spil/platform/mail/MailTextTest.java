package nl.spil.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void headerValueRemovesLineBreaksAndControls() {
        assertThat(MailText.headerValue("Hi\r\nBcc: evil@example.com", 200)).isEqualTo("Hi Bcc: evil@example.com");
        assertThat(MailText.headerValue("a\rb\nc\u0000d\u0007e\u007ff\u0085g\u2028h\u2029i", 200))
                .isEqualTo("a b c d e f g h i");
        assertThat(MailText.headerValue("  lots \t of\u00a0\u00a0 space  ", 200)).isEqualTo("lots of space");
        assertThat(MailText.headerValue("evil\u202Egnp.exe", 200)).isEqualTo("evil gnp.exe");
        assertThat(MailText.headerValue(null, 10)).isEmpty();
        assertThat(MailText.headerValue("\r\n\t ", 10)).isEmpty();
    }

    @Test
    void headerValueKeepsUnicodeAndCapsLengthByCodePoints() {
        assertThat(MailText.headerValue("Zoë 日本 😀", 200)).isEqualTo("Zoë 日本 😀");
        assertThat(MailText.headerValue("abcdef", 6)).isEqualTo("abcdef");
        assertThat(MailText.headerValue("abcdefg", 6)).isEqualTo("abcde…");
        String emojis = "😀".repeat(10);
        String capped = MailText.headerValue(emojis, 5);
        assertThat(capped).isEqualTo("😀😀😀😀…");
        assertThat(capped.codePointCount(0, capped.length())).isEqualTo(5);
        assertThat(MailText.headerValue("abcd efgh", 6)).isEqualTo("abcd…");
    }

    @Test
    void bodyTextNormalisesLineEndings() {
        assertThat(MailText.bodyText("a\r\nb\rc\nd\te\u0000f\u001bg")).isEqualTo("a\nb\nc\nd\tefg");
    }

    @Test
    void htmlEscapesEverythingThatMatters() {
        assertThat(MailText.html("<script>alert(\"x\")</script> & 'y'"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assertThat(MailText.html(null)).isEmpty();
    }
}
