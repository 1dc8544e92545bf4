package nl.spil.platform.i18n;

/** Placeholder until the mail branch lands its Language. */
public enum Language {
    NL, EN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
