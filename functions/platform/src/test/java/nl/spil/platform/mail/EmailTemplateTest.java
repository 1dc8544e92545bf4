package nl.spil.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.spil.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class EmailTemplateTest {

    record Booking(String name, String room, ZonedDateTime start, String link) {}

    static final EmailTemplate<Booking> BOOKING_CONFIRMED = EmailTemplate.of(
            (lang, b) -> lang.pick("Boeking bevestigd: ", "Booking confirmed: ") + b.room(),
            (lang, b, body) -> body
                    .heading(lang.pick("Je boeking staat vast", "Your booking is confirmed"))
                    .paragraph(lang.pick("Hallo ", "Hello ") + b.name() + ",")
                    .row(lang.pick("Ruimte", "Room"), b.room())
                    .row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, b.start()))
                    .button(lang.pick("Bekijk je boeking", "View your booking"), b.link())
                    .note(lang.pick("Kun je niet? Annuleer dan, zodat een ander de ruimte kan gebruiken.",
                            "Can't make it? Please cancel so someone else can use the room.")));

    /** The same kind of e-mail written as a class. */
    static final class LowStock extends BasicEmailTemplate<List<List<String>>> {
        @Override
        protected String subject(Language lang, List<List<String>> items) {
            return lang.pick(items.size() + " artikelen bijna op", items.size() + " items running low");
        }

        @Override
        protected void body(Language lang, List<List<String>> items, EmailBody body) {
            body.paragraph(lang.pick("Deze artikelen moeten worden besteld:", "These items need ordering:"))
                    .table(List.of(lang.pick("Artikel", "Item"), lang.pick("Voorraad", "In stock")), items);
        }
    }

    private static final ZonedDateTime START =
            ZonedDateTime.of(2025, 5, 13, 9, 30, 0, 0, ZoneId.of("Europe/Amsterdam"));
    private static final Booking BOOKING =
            new Booking("Zoë", "Vergaderzaal 2", START, "https://spil.example.nl/bookings/42?x=1&y=2");

    @Test
    void rendersDutch() {
        RenderedEmail mail = BOOKING_CONFIRMED.render(Language.NL, BOOKING, "Kantoor Utrecht");

        assertThat(mail.subject()).isEqualTo("Boeking bevestigd: Vergaderzaal 2");
        assertThat(mail.text()).contains(
                "Je boeking staat vast\n---------------------\n",
                "Hallo Zoë,",
                "Ruimte:  Vergaderzaal 2",
                "Wanneer: dinsdag 13 mei 2025 om 09:30",
                "Bekijk je boeking:\nhttps://spil.example.nl/bookings/42?x=1&y=2",
                "-- \nDit is een automatisch bericht van Kantoor Utrecht.");
        assertThat(mail.html()).contains(
                "<html lang=\"nl\">",
                "<title>Boeking bevestigd: Vergaderzaal 2</title>",
                "Hallo Zoë,",
                "dinsdag 13 mei 2025 om 09:30",
                "href=\"https://spil.example.nl/bookings/42?x=1&amp;y=2\"",
                ">Bekijk je boeking</a>",
                "Dit is een automatisch bericht van Kantoor Utrecht.");
    }

    @Test
    void rendersEnglish() {
        RenderedEmail mail = BOOKING_CONFIRMED.render(Language.EN, BOOKING, "Utrecht office");

        assertThat(mail.subject()).isEqualTo("Booking confirmed: Vergaderzaal 2");
        assertThat(mail.text()).contains("Hello Zoë,", "Room: Vergaderzaal 2", "When: Tuesday 13 May 2025 at 09:30",
                "This is an automated message from Utrecht office.");
        assertThat(mail.html()).contains("<html lang=\"en\">", ">View your booking</a>",
                "This is an automated message from Utrecht office.");
    }

    @Test
    void rendersTablesFromAClassTemplate() {
        List<List<String>> items = List.of(List.of("Koffiebonen", "2"), List.of("A4-papier", "1"));
        RenderedEmail nl = new LowStock().render(Language.NL, items, "Kantoor Utrecht");
        assertThat(nl.subject()).isEqualTo("2 artikelen bijna op");
        assertThat(nl.text()).contains("Artikel      Voorraad\n-----------  --------\nKoffiebonen  2\nA4-papier    1\n");
        assertThat(nl.html()).contains("<th align=\"left\"", ">Koffiebonen</td>");
        assertThat(new LowStock().render(Language.EN, items, "Office").text()).contains("Item         In stock");
    }

    @Test
    void escapesEveryUserValueInHtml() {
        String evil = "<script>alert(\"x\")</script> O'Brien & Co";
        Booking booking = new Booking(evil, evil, START, "https://spil.example.nl/b?q='onmouseover=alert(1)");
        RenderedEmail mail = BOOKING_CONFIRMED.render(Language.EN, booking, "<b>Office</b> \"HQ\"");

        assertThat(mail.html()).doesNotContain("<script", "<b>Office", "O'Brien");
        assertThat(mail.html()).contains(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co",
                "&lt;b&gt;Office&lt;/b&gt; &quot;HQ&quot;");
        // the plain-text part shows the values as they are
        assertThat(mail.text()).contains("Hello " + evil + ",");
        // the link keeps its meaning but cannot leave its attribute
        assertThat(mail.html()).contains("href=\"https://spil.example.nl/b?q=&#39;onmouseover=alert(1)\"");

        List<List<String>> items = List.of(List.of("<img src=x onerror=alert(1)>", "1"));
        assertThat(new LowStock().render(Language.NL, items, "Office").html())
                .doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void sanitizesSubjectAndFooter() {
        Booking booking = new Booking("Zoë", "Zaal\r\nBcc: evil@example.com", START, "https://x.example/");
        RenderedEmail mail = BOOKING_CONFIRMED.render(Language.NL, booking, "Kantoor\r\nX-Evil: 1");

        assertThat(mail.subject()).isEqualTo("Boeking bevestigd: Zaal Bcc: evil@example.com").doesNotContain("\r", "\n");
        assertThat(mail.text()).contains("Dit is een automatisch bericht van Kantoor X-Evil: 1.");

        Booking long_ = new Booking("Zoë", "x".repeat(1000), START, "https://x.example/");
        assertThat(BOOKING_CONFIRMED.render(Language.NL, long_, "K").subject()).hasSize(MailText.MAX_SUBJECT);
    }

    @Test
    void refusesUnsafeLinksAndMissingOffice() {
        for (String url : List.of("javascript:alert(1)", "https://x.example/\"><script>", "data:text/html,x", "/relative", "ftp://x.example/",
                "https://x.example/a b", "https://x.example/\r\nX: y", "")) {
            Booking booking = new Booking("Zoë", "Zaal", START, url);
            assertThatThrownBy(() -> BOOKING_CONFIRMED.render(Language.NL, booking, "Kantoor"))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link URL");
        }
        assertThatThrownBy(() -> BOOKING_CONFIRMED.render(Language.NL, BOOKING, " \r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("office name");
        assertThatThrownBy(() -> new LowStock().render(Language.NL, List.of(List.of("only one cell")), "K"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderedEmailSanitizesWhenBuiltDirectly() {
        RenderedEmail mail = new RenderedEmail("Hi\r\nBcc: x@y.nl", "text\r\nline", "<p>x</p>");
        assertThat(mail.subject()).isEqualTo("Hi Bcc: x@y.nl");
        assertThat(mail.text()).isEqualTo("text\nline");
        assertThatThrownBy(() -> new RenderedEmail("\r\n", "t", "h")).isInstanceOf(IllegalArgumentException.class);
    }
}
