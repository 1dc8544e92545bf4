package nl.spil.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.spil.platform.i18n.Language;
import org.junit.jupiter.api.Test;

class MimeComposerTest {
    private static final Instant NOW = Instant.parse("2025-05-13T07:30:15.123Z");
    private static final MimeComposer COMPOSER = new MimeComposer(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final byte[] ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Spil//NL\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nUID:42@spil\r\nSUMMARY:Overleg met Zoë\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CSV = "artikel;aantal\r\nkoffie;2\r\nthé;1\r\n".getBytes(StandardCharsets.UTF_8);

    private static EmailMessage message(String subject, String toName) {
        return EmailMessage.of(
                EmailAddress.of("office@spil.example.nl", "Kantoor Utrecht"),
                EmailAddress.of("zoe@example.nl", toName),
                Language.NL,
                new RenderedEmail(subject, "Hallo Zoë,\n\nTot dan.\n", "<p>Hallo Zoë,</p><p>Tot dan.</p>"),
                "outbox-01HX");
    }

    /** The strict parser settings from the quality plan. */
    private static MimeMessage parse(byte[] raw) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
        props.setProperty("mail.mime.parameters.strict", "true");
        Session session = Session.getInstance(props);
        try (InputStream in = new ByteArrayInputStream(raw)) {
            MimeMessage parsed = new MimeMessage(session, in);
            walk(parsed); // forces every part, boundary and parameter to be parsed
            return parsed;
        }
    }

    private static void walk(Part part) throws Exception {
        new ContentType(part.getContentType());
        Object content = part.getContent();
        if (content instanceof MimeMultipart multipart) {
            assertThat(multipart.isComplete()).isTrue();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i));
            }
        }
    }

    /** Header lines of the top-level header block, unfolded lines kept as they are. */
    private static List<String> topHeaderLines(byte[] raw) {
        String text = new String(raw, StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).isPositive();
        return List.of(text.substring(0, end).split("\r\n", -1));
    }

    private static void assertCleanHeaders(byte[] raw) {
        for (byte b : raw) {
            assertThat(b).as("every byte is 7-bit ASCII").isBetween((byte) 0, (byte) 127);
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        assertThat(text.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.length()).as("every line at most 998 characters").isLessThanOrEqualTo(998);
        }
        for (String line : topHeaderLines(raw)) {
            assertThat(line.matches("[!-9;-~]+:.*") || line.startsWith(" ") || line.startsWith("\t"))
                    .as("header line is a field or a continuation: %s", line).isTrue();
            assertThat(line.length()).as("line length").isLessThanOrEqualTo(998);
        }
    }

    private static long headerCount(byte[] raw, String name) {
        return topHeaderLines(raw).stream().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .count();
    }

    @Test
    void composesAlternativeWithDateAndMessageId() throws Exception {
        byte[] raw = COMPOSER.compose(message("Je boeking", "Zoë"));
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);

        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2025-05-13T07:30:15Z"));
        assertThat(parsed.getMessageID()).matches("<[0-9a-f]{32}@spil>").isEqualTo(COMPOSER.messageId("outbox-01HX"));
        assertThat(parsed.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(parsed.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(parsed.getHeader("Content-Language", null)).isEqualTo("nl");
        assertThat(parsed.getSubject()).isEqualTo("Je boeking");
        assertThat(parsed.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("office@spil.example.nl");
        assertThat(headerCount(raw, "Date")).isOne();
        assertThat(headerCount(raw, "Message-ID")).isOne();

        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart alternative = (MimeMultipart) parsed.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(new ContentType(alternative.getBodyPart(0).getContentType()).getParameter("charset"))
                .isEqualToIgnoringCase("UTF-8");
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Hallo Zoë,\r\n\r\nTot dan.\r\n");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(new ContentType(alternative.getBodyPart(1).getContentType()).getParameter("charset"))
                .isEqualToIgnoringCase("UTF-8");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Hallo Zoë,</p><p>Tot dan.</p>");

        // the same seed gives the same Message-ID, another seed another one
        assertThat(parse(COMPOSER.compose(message("Anders", "Z"))).getMessageID()).isEqualTo(parsed.getMessageID());
        assertThat(parse(COMPOSER.compose(message("Je boeking", "Zoë").withMessageIdSeed("other"))).getMessageID())
                .isNotEqualTo(parsed.getMessageID());
    }

    @Test
    void crlfInSubjectAndNamesCannotCreateHeaders() throws Exception {
        String injection = "Hoi\r\nBcc: evil@example.com\r\nX-Injected: yes";
        EmailMessage message = new EmailMessage(
                EmailAddress.of("office@spil.example.nl", "Kantoor\r\nBcc: evil@example.com"),
                EmailAddress.of("zoe@example.nl", "Zoë\r\nBcc: evil@example.com\nCc: other@example.com"),
                java.util.Optional.of(EmailAddress.of("desk@spil.example.nl", "Desk\rBcc: evil@example.com")),
                Language.NL,
                new RenderedEmail(injection, "body\r\nBcc: evil@example.com", "<p>body</p>"),
                List.of(Attachment.csv("export\r\nBcc: evil@example.com.csv", CSV)),
                "seed\r\nBcc: evil@example.com");

        byte[] raw = COMPOSER.compose(message);
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);

        assertThat(parsed.getRecipients(Message.RecipientType.TO)).hasSize(1);
        assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo("zoe@example.nl");
        assertThat(parsed.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(parsed.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(parsed.getAllRecipients()).hasSize(1);
        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getHeader("Cc")).isNull();
        assertThat(parsed.getHeader("X-Injected")).isNull();
        assertThat(headerCount(raw, "To")).isOne();
        assertThat(headerCount(raw, "From")).isOne();
        assertThat(headerCount(raw, "Subject")).isOne();
        assertThat(parsed.getFrom()).hasSize(1);
        assertThat(parsed.getReplyTo()).hasSize(1);

        assertThat(parsed.getSubject()).isEqualTo("Hoi Bcc: evil@example.com X-Injected: yes");
        assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Zoë Bcc: evil@example.com Cc: other@example.com");
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Kantoor Bcc: evil@example.com");
        BodyPart attachment = ((MimeMultipart) parsed.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("export Bcc_ evil@example.com.csv");
    }

    @Test
    void unicodeNamesAndSubjectsRoundTrip() throws Exception {
        String subject = "Vergadering met Zoë – 日本 🗓️ “quotes” and a rather long subject line that must be folded over lines";
        EmailMessage message = EmailMessage.of(
                EmailAddress.of("office@spil.example.nl", "Kantoor 日本, \"HQ\""),
                EmailAddress.of("zoe@example.nl", "Zoë 日本"),
                Language.EN,
                new RenderedEmail(subject, "日本 text", "<p>日本</p>"),
                "seed");

        byte[] raw = COMPOSER.compose(message);
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);

        assertThat(parsed.getSubject()).isEqualTo(subject);
        InternetAddress to = (InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Zoë 日本");
        assertThat(to.getAddress()).isEqualTo("zoe@example.nl");
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Kantoor 日本, \"HQ\"");
        assertThat(parsed.getHeader("Content-Language", null)).isEqualTo("en");
        MimeMultipart alternative = (MimeMultipart) parsed.getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("日本 text");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>日本</p>");

        // ASCII names with specials are quoted, not encoded
        byte[] ascii = COMPOSER.compose(message("s", "Doe, John"));
        assertThat(((InternetAddress) parse(ascii).getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Doe, John");
        assertThat(parse(ascii).getRecipients(Message.RecipientType.TO)).hasSize(1);
    }

    @Test
    void longLinesAreWrappedByTheTransferEncoding() throws Exception {
        String longLine = "x".repeat(5000);
        EmailMessage message = EmailMessage.of(EmailAddress.of("office@spil.example.nl"), EmailAddress.of("z@example.nl"),
                Language.NL, new RenderedEmail("s", longLine, "<p>" + longLine + "</p>"), "seed");
        byte[] raw = COMPOSER.compose(message);
        assertCleanHeaders(raw);
        MimeMultipart alternative = (MimeMultipart) parse(raw).getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo(longLine);
        assertThat(message.toString()).doesNotContain("xxxx", "z@example");
    }

    @Test
    void csvAttachmentRoundTrips() throws Exception {
        byte[] lfOnly = "a;b\n1;2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = COMPOSER.compose(message("Export", "Zoë").withAttachment(Attachment.csv("voorraad-mei.csv", CSV))
                .withAttachment(new Attachment("lf.csv", "text/csv", lfOnly)));
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);

        assertThat(parsed.isMimeType("multipart/mixed")).isTrue();
        MimeMultipart mixed = (MimeMultipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        assertThat(mixed.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(lfOnly);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(2);

        BodyPart csv = mixed.getBodyPart(1);
        ContentType type = new ContentType(csv.getContentType());
        assertThat(type.getBaseType()).isEqualTo("text/csv");
        assertThat(type.getParameter("charset")).isEqualTo("UTF-8");
        assertThat(csv.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(csv.getFileName()).isEqualTo("voorraad-mei.csv");
        assertThat(csv.getInputStream().readAllBytes()).isEqualTo(CSV);
    }

    @Test
    void calendarIsAttachedAndOfferedInline() throws Exception {
        EmailMessage message = message("Uitnodiging", "Zoë")
                .withAttachment(Attachment.calendarRequest("uitnodiging.ics", ICS))
                .withAttachment(Attachment.csv("deelnemers.csv", CSV));
        byte[] raw = COMPOSER.compose(message);
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);

        MimeMultipart mixed = (MimeMultipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        List<String> alternativeTypes = new ArrayList<>();
        for (int i = 0; i < alternative.getCount(); i++) {
            alternativeTypes.add(new ContentType(alternative.getBodyPart(i).getContentType()).getBaseType());
        }
        assertThat(alternativeTypes).containsExactly("text/plain", "text/html", "text/calendar");

        BodyPart inline = alternative.getBodyPart(2);
        ContentType inlineType = new ContentType(inline.getContentType());
        assertThat(inlineType.getParameter("method")).isEqualTo("REQUEST");
        assertThat(inlineType.getParameter("charset")).isEqualTo("UTF-8");
        assertThat(inline.getDisposition()).isNull();
        assertThat(inline.getInputStream().readAllBytes()).isEqualTo(ICS);

        BodyPart ics = mixed.getBodyPart(1);
        ContentType icsType = new ContentType(ics.getContentType());
        assertThat(icsType.getBaseType()).isEqualTo("text/calendar");
        assertThat(icsType.getParameter("method")).isEqualTo("REQUEST");
        assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(ics.getFileName()).isEqualTo("uitnodiging.ics");
        assertThat(ics.getInputStream().readAllBytes()).isEqualTo(ICS);

        BodyPart csv = mixed.getBodyPart(2);
        assertThat(new ContentType(csv.getContentType()).getBaseType()).isEqualTo("text/csv");
        assertThat(csv.getInputStream().readAllBytes()).isEqualTo(CSV);
    }

    @Test
    void aPictureIsPartOfTheHtmlNotAFile() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        RenderedEmail content = new EmailBody(Language.NL).paragraph("Je code").image("qr.png", "QR-code ABCD", 180)
                .render("Uitnodiging", "Kantoor");
        assertThat(content.html()).contains("<img src=\"cid:qr.png\" alt=\"QR-code ABCD\" width=\"180\"");
        assertThat(content.text()).contains("[QR-code ABCD]");
        EmailMessage message = EmailMessage.of(EmailAddress.of("office@spil.example.nl"), EmailAddress.of("zoe@example.nl"),
                Language.NL, content, "seed").withAttachment(Attachment.inlineImage("qr.png", png))
                .withAttachment(Attachment.csv("lijst.csv", CSV));
        byte[] raw = COMPOSER.compose(message);
        assertCleanHeaders(raw);
        MimeMultipart mixed = (MimeMultipart) parse(raw).getContent();
        assertThat(mixed.getCount()).as("the picture is no attachment of its own").isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(1).isMimeType("multipart/related")).isTrue();
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        assertThat(related.getBodyPart(0).isMimeType("text/html")).isTrue();
        jakarta.mail.internet.MimeBodyPart picture = (jakarta.mail.internet.MimeBodyPart) related.getBodyPart(1);
        assertThat(picture.getContentID()).isEqualTo("<qr.png>");
        assertThat(picture.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(picture.getInputStream().readAllBytes()).isEqualTo(png);
        assertThatThrownBy(() -> new EmailBody(Language.NL).image("qr code.png", "x", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unicodeFileNamesAreEncoded() throws Exception {
        byte[] raw = COMPOSER.compose(message("Export", "Zoë").withAttachment(Attachment.csv("voorraad-été-日本.csv", CSV)));
        assertCleanHeaders(raw);
        MimeMessage parsed = parse(raw);
        BodyPart csv = ((MimeMultipart) parsed.getContent()).getBodyPart(1);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(csv.getFileName())).isEqualTo("voorraad-été-日本.csv");
    }

    @Test
    void refusesBadAddressesWithASpecificException() {
        assertThatThrownBy(() -> EmailAddress.of("zoe@example.nl\r\nBcc: evil@example.com", "Zoë"))
                .isInstanceOf(InvalidEmailAddressException.class);
        assertThatThrownBy(() -> EmailAddress.of("Zoë <zoe@example.nl>"))
                .isInstanceOf(InvalidEmailAddressException.class);
        assertThatThrownBy(() -> EmailAddress.validate("to", "a@b.nl, c@d.nl"))
                .isInstanceOf(InvalidEmailAddressException.class)
                .hasMessageStartingWith("invalid e-mail address in 'to'");
    }

    @Test
    void attachmentsAreChecked() {
        assertThatThrownBy(() -> new Attachment("a.csv", "text/csv; charset=UTF-8\r\nBcc: x@y.nl", CSV))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("a.csv", "not a type", CSV)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("a.eml", "multipart/mixed; boundary=x", CSV))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("\r\n..", "text/csv", CSV)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Attachment("../../etc/passwd", "text/plain", CSV).filename()).isEqualTo("_.._etc_passwd");
        byte[] bytes = {1, 2, 3};
        Attachment attachment = new Attachment("a.bin", "application/octet-stream", bytes);
        bytes[0] = 9;
        assertThat(attachment.content()).containsExactly(1, 2, 3);
        assertThat(attachment).isEqualTo(new Attachment("a.bin", "application/octet-stream", new byte[] {1, 2, 3}));
    }
}
