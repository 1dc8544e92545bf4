package nl.spil.mailroom.app;

import nl.spil.mailroom.domain.MailKind;
import nl.spil.platform.i18n.Language;

/** Words for what arrived, in the reader's language. */
final class MailTexts {

    private MailTexts() {
    }

    static String kind(Language lang, MailKind kind, int count) {
        boolean many = count > 1;
        return switch (kind) {
            case LETTER -> many ? lang.pick(count + " brieven", count + " letters") : lang.pick("brief", "letter");
            case REGISTERED_LETTER -> many ? lang.pick(count + " aangetekende brieven", count + " registered letters")
                    : lang.pick("aangetekende brief", "registered letter");
            case PARCEL -> many ? lang.pick(count + " pakketten", count + " parcels") : lang.pick("pakket", "parcel");
            case PALLET -> many ? lang.pick(count + " pallets", count + " pallets") : lang.pick("pallet", "pallet");
        };
    }

    static String items(Language lang, int n) {
        return n == 1 ? lang.pick("1 poststuk", "1 item") : lang.pick(n + " poststukken", n + " items");
    }
}
