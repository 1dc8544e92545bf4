package nl.spil.mailroom.domain;

/** Where an item is in its short life. The first two are on a shelf; the rest are done. */
public enum MailStatus {
    WAITING("waiting"),
    FORWARD_REQUESTED("forward-requested"),
    COLLECTED("collected"),
    FORWARDED("forwarded"),
    RETURNED("returned");

    private final String code;

    MailStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Still physically at the site. */
    public boolean onShelf() {
        return this == WAITING || this == FORWARD_REQUESTED;
    }

    public static MailStatus fromCode(String code) {
        for (MailStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no mail status " + code);
    }
}
