package nl.spil.directory.app;

import jakarta.inject.Singleton;
import java.time.ZoneId;
import nl.spil.directory.domain.Person;
import nl.spil.platform.config.Settings;
import nl.spil.platform.directory.DirectoryReader.PersonCard;
import nl.spil.platform.directory.MailUndeliverable;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.EmailTemplate;
import nl.spil.platform.mail.MailDates;

/**
 * The e-mail that tells an office manager that mail to someone's address does not arrive, in the
 * office manager's language, with what to do: check the address with the person and correct it.
 */
@Singleton
public class UndeliverableMails {

    record Model(Person person, MailUndeliverable undeliverable, ZoneId zone) {
    }

    static final EmailTemplate<Model> TO_OFFICE_MANAGER = EmailTemplate.of(
            (lang, m) -> lang.pick("E-mail komt niet aan: ", "E-mail does not arrive: ") + m.person().details().name(),
            (lang, m, body) -> {
                body.paragraph(switch (m.undeliverable().reason()) {
                    case BOUNCE -> lang.pick("E-mail aan dit adres kan niet worden bezorgd: de ontvangende server weigert het.",
                            "E-mail to this address cannot be delivered: the receiving server refuses it.");
                    case COMPLAINT -> lang.pick("De ontvanger heeft e-mail van ons als spam gemeld.",
                            "The recipient reported our e-mail as spam.");
                });
                body.row(lang.pick("Naam", "Name"), m.person().details().name())
                        .row(lang.pick("E-mailadres", "E-mail address"), m.person().email())
                        .row(lang.pick("Sinds", "Since"), MailDates.date(lang,
                                m.undeliverable().since().atZone(m.zone()).toLocalDate()));
                body.paragraph(lang.pick("Zolang het adres niet is gewijzigd, krijgt deze persoon geen e-mail meer van ons. "
                                + "Controleer het adres met de persoon en pas het aan in het personenoverzicht.",
                        "Until the address is changed, this person gets no more e-mail from us. "
                                + "Check the address with them and correct it in the directory."));
            });

    private final Settings settings;

    public UndeliverableMails(Settings settings) {
        this.settings = settings;
    }

    /** One per event and office manager: a redelivered event sends nothing twice. */
    public OutgoingMail toOfficeManager(PersonCard manager, Person person, MailUndeliverable undeliverable, String eventId) {
        String key = "directory:mail-undeliverable:" + eventId + ":" + manager.personId();
        EmailMessage message = EmailMessage.of(
                EmailAddress.of(settings.require("SENDER_EMAIL"), settings.officeName()),
                EmailAddress.of(manager.email(), manager.name()), manager.language(),
                TO_OFFICE_MANAGER.render(manager.language(), new Model(person, undeliverable, zone()),
                        settings.officeName()), key);
        return new OutgoingMail(message, key);
    }

    /** The organisation's zone for the date shown (reading the person's site for a date is not worth a request). */
    private ZoneId zone() {
        return ZoneId.of(settings.optional("DEFAULT_SITE_ZONE", "Europe/Amsterdam"));
    }
}
