package nl.spil.mailroom.domain;

import java.util.Locale;
import java.util.Optional;

/** What arrived: a bundle of letters is one letter entry with a count. */
public enum MailKind {
    LETTER("letter"),
    REGISTERED_LETTER("registered-letter"),
    PARCEL("parcel"),
    PALLET("pallet");

    private final String code;

    MailKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MailKind> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (MailKind k : values()) {
            if (k.code.equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
