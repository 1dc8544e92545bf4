package nl.spil.mailroom.domain;

import java.time.Instant;

/** An item sent back to its sender, with the return's tracking number. */
public record Returned(Instant at, String by, Carrier carrier, String trackingNumber) {
}
