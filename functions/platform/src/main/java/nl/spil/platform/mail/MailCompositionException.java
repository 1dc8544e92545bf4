package nl.spil.platform.mail;

/** The MIME message could not be built (a Jakarta Mail failure, not bad input). */
public class MailCompositionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailCompositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
