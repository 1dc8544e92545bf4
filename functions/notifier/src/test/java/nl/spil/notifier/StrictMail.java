package nl.spil.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Parses a sent message as strictly as Jakarta Mail allows and checks what every Spil e-mail must have. */
final class StrictMail {

    private StrictMail() {
    }

    static Session strictSession() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "false");
        p.setProperty("mail.mime.parameters.strict", "true");
        p.setProperty("mail.mime.decodetext.strict", "true");
        p.setProperty("mail.mime.allowutf8", "false");
        return Session.getInstance(p);
    }

    /** The parsed message; fails on anything not strictly valid. */
    static MimeMessage parse(String raw) throws Exception {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            assertThat(b & 0xff).as("7-bit message").isLessThan(0x80);
        }
        MimeMessage m = new MimeMessage(strictSession(), new ByteArrayInputStream(bytes));
        assertThat(m.getHeader("Date")).as("Date").isNotNull();
        assertThat(m.getSentDate()).isNotNull();
        assertThat(m.getHeader("Message-ID")).as("Message-ID").hasSize(1);
        assertThat(m.getMessageID()).matches("<[0-9a-f]{32}@[a-z0-9.-]+>");
        for (Header h : Collections.list(m.getAllHeaders())) {
            assertThat(h.getName() + h.getValue()).as("header " + h.getName()).matches("[\\x20-\\x7e\\t\\r\\n]*");
        }
        InternetAddress[] from = InternetAddress.parseHeader(m.getHeader("From", ","), true);
        assertThat(from).hasSize(1);
        assertThat(from[0].getAddress()).isEqualTo("spil@example.org");
        assertThat(InternetAddress.parseHeader(m.getHeader("To", ","), true)).hasSize(1);
        walk(m, new ArrayList<>());
        return m;
    }

    /** Every leaf part, content read (which makes Jakarta Mail parse every multipart boundary). */
    static List<Part> leaves(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        walk(part, out);
        return out;
    }

    private static void walk(Part part, List<Part> out) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            assertThat(mp.getCount()).isPositive();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, out);
            }
        } else {
            out.add(part);
        }
    }

    static String text(Part part) throws Exception {
        Object c = part.getContent();
        if (c instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Parses an iCalendar attachment with ical4j and validates it. */
    static Calendar validCalendar(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(in);
            var result = calendar.validate();
            assertThat(result.hasErrors()).as(result.toString()).isFalse();
            return calendar;
        }
    }
}
