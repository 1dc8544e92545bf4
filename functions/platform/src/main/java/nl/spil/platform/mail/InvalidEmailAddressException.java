package nl.spil.platform.mail;

/**
 * An e-mail address was refused: not a single, syntactically valid (RFC 5322, strict)
 * ASCII address. The message names the field and the reason but never the address itself,
 * so it can be logged without personal data.
 */
public class InvalidEmailAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidEmailAddressException(String field, String reason) {
        super("invalid e-mail address in '" + field + "': " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field that held the address, e.g. {@code "to"}. */
    public String field() {
        return field;
    }

    /** Why it was refused, without the address. */
    public String reason() {
        return reason;
    }
}
