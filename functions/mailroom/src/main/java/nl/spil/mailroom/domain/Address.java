package nl.spil.mailroom.domain;

import java.util.Optional;

/** A postal address to forward an item to; country as an ISO 3166 alpha-2 code. */
public record Address(String line1, Optional<String> line2, String postalCode, String city, String country) {

    public Address {
        line2 = line2 == null ? Optional.empty() : line2;
    }
}
