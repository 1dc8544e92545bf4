package nl.spil.mailroom.domain;

import java.util.Optional;

/** What reception wrote down about an item. */
public record MailDetails(MailKind kind, Carrier carrier, Optional<String> trackingNumber, Optional<String> sender,
                          int count, Optional<String> notes) {

    public static final int MAX_COUNT = 999;

    public MailDetails {
        trackingNumber = trackingNumber == null ? Optional.empty() : trackingNumber.map(Carrier::normalize);
        sender = sender == null ? Optional.empty() : sender;
        notes = notes == null ? Optional.empty() : notes;
    }

    /** The first field that breaks a rule, as {field, message}. */
    public Optional<String[]> problem() {
        if (trackingNumber.isPresent() && !carrier.accepts(trackingNumber.get())) {
            return Optional.of(new String[] {"trackingNumber", "is not a " + carrier.label() + " tracking number: " + carrier.format()});
        }
        if (kind == MailKind.REGISTERED_LETTER && trackingNumber.isEmpty()) {
            return Optional.of(new String[] {"trackingNumber", "is required for a registered letter"});
        }
        if (count < 1 || count > MAX_COUNT) {
            return Optional.of(new String[] {"count", "must be 1 to " + MAX_COUNT});
        }
        return Optional.empty();
    }
}
