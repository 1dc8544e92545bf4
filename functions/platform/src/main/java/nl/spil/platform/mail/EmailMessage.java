package nl.spil.platform.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.spil.platform.i18n.Language;

/**
 * One e-mail to one person, ready to be put in the outbox and later composed as MIME.
 *
 * @param from          the sender (a verified SES identity) with display name, usually the office
 * @param to            the single recipient; there are never Cc or Bcc recipients
 * @param replyTo       where replies go, if not to {@code from}
 * @param language      the recipient's language, the language {@code content} was rendered in
 * @param content       subject, text and HTML
 * @param attachments   files, e.g. an .ics invitation or a CSV export; may be empty
 * @param messageIdSeed a stable value (e.g. the outbox item id) from which the Message-ID is
 *                      derived, so a retried send carries the same Message-ID
 */
public record EmailMessage(
        EmailAddress from,
        EmailAddress to,
        Optional<EmailAddress> replyTo,
        Language language,
        RenderedEmail content,
        List<Attachment> attachments,
        String messageIdSeed) {

    public EmailMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        replyTo = replyTo == null ? Optional.empty() : replyTo;
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(content, "content");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (messageIdSeed == null || messageIdSeed.isBlank()) {
            throw new IllegalArgumentException("messageIdSeed is required");
        }
    }

    /** A message without reply-to and attachments. */
    public static EmailMessage of(EmailAddress from, EmailAddress to, Language language, RenderedEmail content,
            String messageIdSeed) {
        return new EmailMessage(from, to, Optional.empty(), language, content, List.of(), messageIdSeed);
    }

    /** A copy with a Reply-To address. */
    public EmailMessage withReplyTo(EmailAddress address) {
        return new EmailMessage(from, to, Optional.ofNullable(address), language, content, attachments, messageIdSeed);
    }

    /** A copy with one more attachment. */
    public EmailMessage withAttachment(Attachment attachment) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(Objects.requireNonNull(attachment, "attachment"));
        return new EmailMessage(from, to, replyTo, language, content, more, messageIdSeed);
    }

    /** A copy with another Message-ID seed. */
    public EmailMessage withMessageIdSeed(String seed) {
        return new EmailMessage(from, to, replyTo, language, content, attachments, seed);
    }
}
