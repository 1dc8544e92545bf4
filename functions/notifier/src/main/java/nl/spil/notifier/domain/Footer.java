package nl.spil.notifier.domain;

import java.util.Locale;
import nl.spil.platform.i18n.Language;
import nl.spil.platform.mail.EmailBody;
import nl.spil.platform.mail.MailText;
import nl.spil.platform.mail.RenderedEmail;

/**
 * The short footer under every e-mail, naming the office, in the recipient's language. Added at
 * delivery, so every function's mail carries it; mail rendered with {@link EmailBody} already
 * has the same line, and adding it twice is a no-op.
 */
public final class Footer {

    private Footer() {
    }

    public static String line(Language language, String officeName) {
        String office = MailText.headerValue(officeName, MailText.MAX_NAME);
        if (office.isEmpty()) {
            office = "Spil";
        }
        return EmailBody.footerLine(language, office);
    }

    public static RenderedEmail add(RenderedEmail content, Language language, String officeName) {
        String line = line(language, officeName);
        if (content.text().contains(line)) {
            return content;
        }
        String text = content.text().stripTrailing() + "\n\n-- \n" + line + "\n";
        String htmlLine = "<p style=\"color:#6b7280;font-size:12px\">" + MailText.html(line) + "</p>";
        String html = content.html();
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        html = end >= 0 ? html.substring(0, end) + htmlLine + html.substring(end) : html + htmlLine;
        return new RenderedEmail(content.subject(), text, html);
    }
}
