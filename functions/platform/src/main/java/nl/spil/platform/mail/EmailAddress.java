package nl.spil.platform.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * A mailbox: a bare address ({@code zoe@example.nl}) and an optional display name.
 *
 * <p>The address is checked strictly when the value is made: exactly one RFC 5322 addr-spec,
 * ASCII only, at most 254 characters, with a domain ({@link InternetAddress} in strict mode).
 * Anything else, including {@code "Name <a@b>"} forms, lists and CR/LF, is refused with
 * {@link InvalidEmailAddressException}. The display name is sanitized like a header value
 * ({@link MailText#headerValue}) and capped at {@value MailText#MAX_NAME} code points; an
 * empty name is stored as "".
 */
public record EmailAddress(String address, String displayName) {
    /** Longest address accepted (RFC 5321 path limit minus the angle brackets). */
    public static final int MAX_ADDRESS = 254;

    public EmailAddress {
        address = validate("address", address);
        displayName = MailText.headerValue(displayName, MailText.MAX_NAME);
    }

    /** An address with a display name (may be null or empty). */
    public static EmailAddress of(String address, String displayName) {
        return new EmailAddress(address, displayName);
    }

    /** An address without a display name. */
    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }

    /** The display name, empty when there is none. */
    public Optional<String> name() {
        return displayName.isEmpty() ? Optional.empty() : Optional.of(displayName);
    }

    /**
     * Checks a bare address strictly and returns it trimmed.
     *
     * @param field the field name for the error message (never the address itself)
     * @throws InvalidEmailAddressException when it is not exactly one valid ASCII addr-spec
     */
    public static String validate(String field, String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidEmailAddressException(field, "missing");
        }
        String trimmed = address.strip();
        if (trimmed.length() > MAX_ADDRESS) {
            throw new InvalidEmailAddressException(field, "longer than " + MAX_ADDRESS + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new InvalidEmailAddressException(field,
                        "only printable ASCII without spaces is allowed (internationalised domains must be punycode)");
            }
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(trimmed, true);
            parsed.validate();
        } catch (AddressException e) {
            throw new InvalidEmailAddressException(field, "not a valid address (" + reasonOf(e) + ")");
        }
        if (parsed.isGroup() || parsed.getPersonal() != null || !trimmed.equals(parsed.getAddress())) {
            throw new InvalidEmailAddressException(field, "must be a bare address like name@example.org");
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new InvalidEmailAddressException(field, "must have a local part and a domain");
        }
        return trimmed;
    }

    /** The parser's reason without the echoed address. */
    private static String reasonOf(AddressException e) {
        String text = e.getMessage();
        if (text == null) {
            return "syntax";
        }
        int cut = text.indexOf(" in string");
        String reason = cut > 0 ? text.substring(0, cut) : text;
        return reason.length() > 80 ? reason.substring(0, 80) : reason;
    }

    @Override
    public String toString() {
        // keep addresses out of logs by accident: only the domain is shown
        int at = address.lastIndexOf('@');
        return "EmailAddress[***" + address.substring(at) + "]";
    }
}
