package nl.spil.mailroom.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A recipient's request to send an item on to them, and how it went out. The address is kept
 * only while the item waits to be sent; once forwarded it is dropped.
 */
public record Forwarding(Instant requestedAt, boolean toHome, Optional<Address> address, Optional<Instant> forwardedAt,
                         Optional<Carrier> carrier, Optional<String> trackingNumber, Optional<String> forwardedBy) {

    public static Forwarding requested(Instant at, boolean toHome, Address address) {
        return new Forwarding(at, toHome, Optional.of(address), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public Forwarding sent(Carrier via, String tracking, String by, Instant at) {
        return new Forwarding(requestedAt, toHome, Optional.empty(), Optional.of(at), Optional.of(via),
                Optional.of(tracking), Optional.of(by));
    }

    public Forwarding withoutAddress() {
        return new Forwarding(requestedAt, toHome, Optional.empty(), forwardedAt, carrier, trackingNumber, forwardedBy);
    }
}
