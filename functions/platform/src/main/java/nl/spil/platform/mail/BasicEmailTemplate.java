package nl.spil.platform.mail;

import java.util.Objects;
import nl.spil.platform.i18n.Language;

/**
 * Base class for e-mail templates: give the subject and fill the body with paragraphs, rows,
 * a table and a call to action; the class renders a plain-text and an inline-styled HTML
 * body with a footer naming the office.
 *
 * <pre>{@code
 * final class ParcelArrived extends BasicEmailTemplate<Parcel> {
 *     protected String subject(Language lang, Parcel p) {
 *         return lang.pick("Er ligt een pakket voor je klaar", "A parcel is waiting for you");
 *     }
 *     protected void body(Language lang, Parcel p, EmailBody body) {
 *         body.paragraph(lang.pick("Hallo ", "Hello ") + p.recipientName() + ",")
 *             .row(lang.pick("Afzender", "Sender"), p.carrier())
 *             .row(lang.pick("Ophalen bij", "Pick up at"), p.location());
 *     }
 * }
 * }</pre>
 */
public abstract class BasicEmailTemplate<M> implements EmailTemplate<M> {

    /** The subject in the given language. It is sanitized afterwards; plain text only. */
    protected abstract String subject(Language language, M model);

    /** Fills the body. All values are text; they are escaped for HTML by the builder. */
    protected abstract void body(Language language, M model, EmailBody body);

    @Override
    public final RenderedEmail render(Language language, M model, String officeName) {
        Objects.requireNonNull(language, "language");
        EmailBody body = new EmailBody(language);
        body(language, model, body);
        return body.render(subject(language, model), officeName);
    }
}
