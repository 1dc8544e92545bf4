package nl.spil.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Builds the raw RFC 5322 bytes of an {@link EmailMessage} with Jakarta Mail, ready for SES
 * {@code SendEmail} with raw content.
 *
 * <p>Structure: {@code multipart/alternative} (text/plain UTF-8, text/html UTF-8) on its own,
 * or wrapped in {@code multipart/mixed} when there are attachments. The first
 * {@code text/calendar} attachment is also the alternative's third part (inline, its
 * {@code method} parameter kept), which is where Outlook, Gmail and Apple Mail look for an
 * invitation; the file itself stays attached as well. Pictures ({@code image/*} attachments) are
 * not files but part of the HTML: {@code multipart/related} holds the HTML and each picture with
 * its Content-ID, which the HTML shows as {@code cid:<file name>}.
 *
 * <p>Headers: Date (from the clock), Message-ID ({@code <hash-of-seed@spil>}, stable per
 * seed), From, To, optional Reply-To, Subject (RFC 2047 encoded when not ASCII),
 * MIME-Version, Content-Language and {@code Auto-Submitted: auto-generated} (RFC 3834, so
 * auto-replies are suppressed). All header lines are ASCII; the finished message is checked to
 * be 7-bit clean, with CRLF line ends only. Bodies are sent with CRLF line ends; attachments
 * (and the inline calendar) are base64, so their bytes arrive exactly. Addresses are validated strictly again; a bad one gives
 * {@link InvalidEmailAddressException}.
 */
public final class MimeComposer {
    /** Right-hand side of generated Message-IDs unless another is given. */
    public static final String DEFAULT_MESSAGE_ID_DOMAIN = "spil";

    private final Clock clock;
    private final String messageIdDomain;
    private final Session session;

    public MimeComposer(Clock clock) {
        this(clock, DEFAULT_MESSAGE_ID_DOMAIN);
    }

    /**
     * @param messageIdDomain right-hand side of the Message-ID, e.g. the sending domain
     */
    public MimeComposer(Clock clock, String messageIdDomain) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (messageIdDomain == null || !messageIdDomain.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("message id domain must be a plain host name");
        }
        this.messageIdDomain = messageIdDomain;
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "false");
        props.setProperty("mail.mime.address.strict", "true");
        this.session = Session.getInstance(props);
    }

    /** The Message-ID this composer gives a message with the given seed, angle brackets included. */
    public String messageId(String seed) {
        return "<" + idPart(seed) + "@" + messageIdDomain + ">";
    }

    /**
     * Composes the message.
     *
     * @return the raw message with CRLF line endings, 7-bit ASCII
     * @throws InvalidEmailAddressException when an address is not valid
     * @throws MailCompositionException     when Jakarta Mail fails
     */
    public byte[] compose(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        try {
            MimeMessage mime = new FixedIdMimeMessage(session, messageId(message.messageIdSeed()));
            mime.setSentDate(Date.from(clock.instant()));
            mime.setFrom(internetAddress("from", message.from()));
            mime.setRecipient(MimeMessage.RecipientType.TO, internetAddress("to", message.to()));
            if (message.replyTo().isPresent()) {
                mime.setReplyTo(new InternetAddress[] {internetAddress("replyTo", message.replyTo().get())});
            }
            RenderedEmail content = message.content();
            mime.setSubject(MailText.headerValue(content.subject(), MailText.MAX_SUBJECT), "UTF-8");
            mime.setHeader("Content-Language", message.language().code());
            mime.setHeader("Auto-Submitted", "auto-generated");

            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(crlf(content.text()), "UTF-8", "plain");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(crlf(content.html()), "UTF-8", "html");
            List<Attachment> images = message.attachments().stream().filter(Attachment::isInlineImage).toList();
            if (images.isEmpty()) {
                alternative.addBodyPart(html);
            } else {
                // multipart/related: the HTML and the pictures it shows by cid: (RFC 2387)
                MimeMultipart related = new MimeMultipart("related");
                related.addBodyPart(html);
                for (Attachment image : images) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.content(), image.contentType())));
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    part.setContentID("<" + image.filename() + ">");
                    part.setDisposition(Part.INLINE);
                    part.setFileName(image.filename());
                    related.addBodyPart(part);
                }
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(related);
                alternative.addBodyPart(wrapper);
            }
            Attachment calendar = message.attachments().stream().filter(Attachment::isCalendar).findFirst().orElse(null);
            if (calendar != null) {
                MimeBodyPart inline = new MimeBodyPart();
                inline.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.content(), calendar.contentType())));
                inline.setHeader("Content-Transfer-Encoding", "base64");
                alternative.addBodyPart(inline);
            }

            List<Attachment> files = message.attachments().stream().filter(a -> !a.isInlineImage()).toList();
            if (files.isEmpty()) {
                mime.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (Attachment attachment : files) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(
                            new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    part.setHeader("Content-Transfer-Encoding", "base64"); // exact bytes, whatever their line ends
                    part.setFileName(attachment.filename());
                    part.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                mime.setContent(mixed);
            }
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            mime.writeTo(out);
            byte[] raw = out.toByteArray();
            checkSevenBit(raw);
            return raw;
        } catch (MessagingException | IOException e) {
            throw new MailCompositionException("could not compose e-mail", e);
        }
    }

    /** Bodies go out with CRLF line ends only (RFC 5322 §2.3), never bare CR or LF. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static InternetAddress internetAddress(String field, EmailAddress address) {
        String checked = EmailAddress.validate(field, address.address());
        String name = MailText.headerValue(address.displayName(), MailText.MAX_NAME);
        try {
            return name.isEmpty() ? new InternetAddress(checked, true) : new InternetAddress(checked, name, "UTF-8");
        } catch (UnsupportedEncodingException | AddressException e) {
            throw new InvalidEmailAddressException(field, "could not be encoded");
        }
    }

    private static String idPart(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("message id seed is required");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void checkSevenBit(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b < 0 || b == 0) {
                throw new IllegalStateException("composed message is not 7-bit clean");
            }
            boolean bareCr = b == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n');
            boolean bareLf = b == '\n' && (i == 0 || raw[i - 1] != '\r');
            if (bareCr || bareLf) {
                throw new IllegalStateException("composed message has a bare CR or LF");
            }
        }
    }

    /** A MimeMessage that keeps the Message-ID we give it instead of inventing one on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
