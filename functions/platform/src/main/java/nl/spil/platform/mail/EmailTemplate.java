package nl.spil.platform.mail;

import java.util.Objects;
import java.util.function.BiFunction;
import nl.spil.platform.i18n.Language;

/**
 * An e-mail written in code for a model {@code M}, rendered in Dutch or English.
 *
 * <p>Write one by extending {@link BasicEmailTemplate}, or with {@link #of}:
 *
 * <pre>{@code
 * static final EmailTemplate<Booking> BOOKING_CONFIRMED = EmailTemplate.of(
 *     (lang, b) -> lang.pick("Boeking bevestigd: ", "Booking confirmed: ") + b.room(),
 *     (lang, b, body) -> body
 *         .paragraph(lang.pick("Hallo ", "Hello ") + b.name() + ",")
 *         .paragraph(lang.pick("Je boeking staat vast.", "Your booking is confirmed."))
 *         .row(lang.pick("Ruimte", "Room"), b.room())
 *         .row(lang.pick("Wanneer", "When"), MailDates.dateTime(lang, b.start()))
 *         .button(lang.pick("Bekijk je boeking", "View your booking"), b.link()));
 *
 * RenderedEmail mail = BOOKING_CONFIRMED.render(Language.NL, booking, "Kantoor Utrecht");
 * }</pre>
 *
 * Templates only ever handle text: the body builder escapes every value for HTML, and the
 * subject is sanitized, so user input can neither inject markup nor headers.
 */
@FunctionalInterface
public interface EmailTemplate<M> {

    /**
     * Renders the e-mail.
     *
     * @param language   the recipient's language
     * @param model      the values to show
     * @param officeName the office the footer names (e.g. "Kantoor Utrecht")
     */
    RenderedEmail render(Language language, M model, String officeName);

    /** Writes the body of an e-mail for a model. */
    @FunctionalInterface
    interface BodyWriter<M> {
        void write(Language language, M model, EmailBody body);
    }

    /** A template from a subject function and a body writer. */
    static <M> EmailTemplate<M> of(BiFunction<Language, M, String> subject, BodyWriter<M> body) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        return new BasicEmailTemplate<>() {
            @Override
            protected String subject(Language language, M model) {
                return subject.apply(language, model);
            }

            @Override
            protected void body(Language language, M model, EmailBody builder) {
                body.write(language, model, builder);
            }
        };
    }
}
