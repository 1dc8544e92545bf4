package nl.spil.platform.mail;

/**
 * The content of an e-mail in one language: subject, plain-text body and HTML body.
 *
 * <p>The subject is sanitized on creation ({@link MailText#headerValue}, at most
 * {@value MailText#MAX_SUBJECT} code points), so no value of this type can carry a line break
 * into a header. Bodies have their line endings normalised and control characters removed.
 */
public record RenderedEmail(String subject, String text, String html) {
    public RenderedEmail {
        subject = MailText.headerValue(subject, MailText.MAX_SUBJECT);
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("e-mail subject is required");
        }
        text = MailText.bodyText(text);
        html = MailText.bodyText(html);
        if (text.isBlank() || html.isBlank()) {
            throw new IllegalArgumentException("e-mail needs both a text and an HTML body");
        }
    }

    /** Sizes only: subjects and bodies hold personal data and must not reach the logs. */
    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject.length() + " chars, text=" + text.length() + " chars, html="
                + html.length() + " chars]";
    }
}
